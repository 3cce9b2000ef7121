"""The Border page (border police): crossing ranking, patrol rosters, coverage map, downloads."""
