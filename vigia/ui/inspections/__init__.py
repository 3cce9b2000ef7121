"""The Inspections page (inspection chiefs): plan, re-plan, saved plans, route maps, downloads."""
