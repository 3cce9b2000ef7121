"""The Vigía dataset contract: one place that says what every layer holds.

A dataset is ONE GeoPackage file (EPSG:4326 on disk) with the layers below. The
validator, the demo generator, the README table and the app all read this
module, so changing a column here changes it everywhere.

Only ``areas`` is required: a ministry that has boundaries and case counts but
no migration data still gets a risk map; capabilities that need a missing layer
say so. Extra columns are kept untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from geodata.messages import description_text, frame_text

GeometryKind = Literal["polygon", "point", "none"]
ColumnType = Literal["text", "int", "float", "bool", "period", "date", "hhmm", "choice", "country", "probability"]
# country: any ISO3; date: YYYY-MM-DD, never in the future; probability: a number in (0, 1]

#: CRS of every geometry layer on disk and in memory.
CRS = "EPSG:4326"

#: Neighbouring countries of Bolivia (ISO 3166-1 alpha-3).
NEIGHBOURS: dict[str, str] = {
    "ARG": "Argentina",
    "BRA": "Brazil",
    "CHL": "Chile",
    "PER": "Peru",
    "PRY": "Paraguay",
}

#: High-risk sectors named in the contract. Other sector names load with a warning,
#: because a ministry may use its own classification.
HIGH_RISK_SECTORS: tuple[str, ...] = (
    "mining",
    "agriculture",
    "brick-making",
    "textiles",
    "domestic work",
    "ranching",
    "logging",
    "brazil nut",
    "sugar cane",
)

EXPLOITATION_TYPES: tuple[str, ...] = ("sexual", "labour", "other", "unknown")

#: Why an inspection visited a site: ``random`` visits (drawn with a known probability) are the
#: ones that let results be weighted honestly, so they must carry ``selection_probability``.
SELECTION_KINDS: tuple[str, ...] = ("planned", "random", "complaint", "follow_up", "other")


@dataclass(frozen=True)
class Column:
    """One column of a layer.

    ``choices`` applies to ``choice`` columns; ``minimum`` to numbers;
    ``default`` fills an optional column that is absent (and is said so).
    """

    name: str
    type: ColumnType
    required: bool = True
    description: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    unique: bool = False
    references: str | None = None  # "layer.column" this column must match
    default: object = None
    #: Other names read as this column (Spanish headers as ministries write them);
    #: compared without case, accents, spaces or punctuation, and reported as FIXED.
    aliases: tuple[str, ...] = ()
    #: ``(column, value)``: this optional column must be filled on rows where ``column`` is ``value``
    #: (a ``random`` inspection without its selection probability cannot be weighted).
    required_when: tuple[str, str] | None = None


@dataclass(frozen=True)
class Layer:
    """One layer of the dataset."""

    name: str
    geometry: GeometryKind
    description: str
    columns: tuple[Column, ...]
    required: bool = False
    #: Column-name prefixes whose columns are typed too (e.g. ``nat_`` counts).
    prefixed: tuple[tuple[str, ColumnType], ...] = field(default_factory=tuple)
    #: Every column not named in ``columns`` is a 0/1 flag named by the user
    #: (``lists``: one column per agency list); checked by :mod:`geodata.list_flags`.
    flag_columns: bool = False
    #: False when the layer's geometry may be left out (a table, or rows without a point).
    geometry_required: bool = True

    @property
    def id_column(self) -> str | None:
        for c in self.columns:
            if c.unique:
                return c.name
        return None

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


_COUNT: dict[str, Any] = dict(type="int", minimum=0)  # Any: spread into Column(**_COUNT)
_AREA_ID_ALIASES = ("codigo_ine", "cod_ine", "codigo_municipio", "cod_mun")
_CROSSING_ID_ALIASES = ("id_paso", "codigo_paso")

LAYERS: dict[str, Layer] = {
    layer.name: layer
    for layer in (
        Layer(
            "areas",
            "polygon",
            "Municipalities (or any areas) that risk is scored for.",
            (
                Column("area_id", "text", unique=True,
                       description="Area code as text, e.g. the 6-digit INE code; leading zeros kept.",
                       aliases=_AREA_ID_ALIASES),
                Column("name", "text", description="Area name.", aliases=("nombre", "nombre_mun", "municipio")),
                Column("admin1", "text", description="Department the area belongs to.",
                       aliases=("departamento", "nombre_dep", "depto")),
                Column("population", description="Residents (int >= 0).", aliases=("poblacion", "habitantes"), **_COUNT),
            ),
            required=True,
        ),
        Layer(
            "crossings",
            "point",
            "Border crossings, official and unofficial.",
            (
                Column("crossing_id", "text", unique=True, description="Crossing code.", aliases=_CROSSING_ID_ALIASES),
                Column("name", "text", description="Crossing name.", aliases=("nombre", "paso")),
                Column("neighbour", "country", aliases=("pais", "pais_vecino"),
                       description="Country across the border, any ISO 3166-1 alpha-3 code (e.g. PER, ARG, COL)."),
                Column("kind", "choice", choices=("official", "unofficial"),
                       description="official or unofficial."),
            ),
        ),
        Layer(
            "offices",
            "point",
            "Labour inspection offices and police border units (where teams start).",
            (
                Column("office_id", "text", unique=True, description="Office code.", aliases=("id_oficina", "codigo_oficina")),
                Column("name", "text", description="Office name.", aliases=("nombre", "oficina")),
                Column("kind", "choice", choices=("labour", "police"), description="labour or police."),
                Column("staff", description="Inspectors or officers (int >= 0).", aliases=("personal", "funcionarios"), **_COUNT),
            ),
        ),
        Layer(
            "sites",
            "point",
            "Candidate inspection workplaces.",
            (
                Column("site_id", "text", unique=True, description="Workplace code.", aliases=("id_lugar", "codigo_lugar")),
                Column("name", "text", description="Workplace name.", aliases=("nombre", "razon_social")),
                Column("sector", "text", description="Economic sector, e.g. mining, brick-making.", aliases=("rubro",)),
                Column("open_from", "hhmm", required=False, description="Opening time HH:MM (optional)."),
                Column("open_to", "hhmm", required=False, description="Closing time HH:MM (optional)."),
                Column("service_minutes", required=False, default=60,
                       description="Minutes an inspection takes (optional, default 60).", **_COUNT),
                Column("must_visit", "bool", required=False, default=False,
                       description="true when the site must be in the plan (optional, default false)."),
                Column("required_skill", "text", required=False,
                       description="Skill a team needs there, e.g. child labour, quechua (optional).",
                       aliases=("habilidad_requerida",)),
                Column("last_inspected", "period", required=False,
                       description="Month of the last inspection, YYYY-MM or YYYY (optional).",
                       aliases=("ultima_inspeccion",)),
            ),
        ),
        Layer(
            "cases",
            "none",
            "Trafficking cases, AGGREGATED by area, period and type. Never personal data.",
            (
                Column("area_id", "text", references="areas.area_id", description="Area code.",
                       aliases=_AREA_ID_ALIASES),
                Column("period", "period", description="YYYY or YYYY-MM.", aliases=("periodo", "gestion")),
                Column("exploitation", "choice", choices=EXPLOITATION_TYPES,
                       description="sexual, labour, other or unknown.",
                       aliases=("explotacion", "tipo_explotacion")),
                Column("cases", description="Cases opened (int >= 0).", aliases=("casos",), **_COUNT),
                Column("victims", description="Victims identified (int >= 0).", aliases=("victimas",), **_COUNT),
            ),
        ),
        Layer(
            "migration",
            "none",
            "Migration flows at crossings by period.",
            (
                Column("crossing_id", "text", references="crossings.crossing_id", description="Crossing code.",
                       aliases=_CROSSING_ID_ALIASES),
                Column("period", "period", description="YYYY or YYYY-MM.", aliases=("periodo", "gestion")),
                Column("entries", description="Entries (int >= 0).", aliases=("entradas", "ingresos"), **_COUNT),
                Column("exits", description="Exits (int >= 0).", aliases=("salidas",), **_COUNT),
                Column("irregular", description="Irregular entries detected (int >= 0).", aliases=("irregulares",), **_COUNT),
            ),
            prefixed=(("nat_", "int"),),
        ),
        Layer(
            "sectors",
            "none",
            "Employment in high-risk sectors by area.",
            (
                Column("area_id", "text", references="areas.area_id", description="Area code.",
                       aliases=_AREA_ID_ALIASES),
                Column("sector", "text", description="Sector name, e.g. mining, brazil nut."),
                Column("workers", description="People employed (int >= 0).", aliases=("trabajadores", "ocupados"), **_COUNT),
            ),
        ),
        Layer(
            "lists",
            "none",
            "Victims per combination of agency lists (for the dark-figure estimate), AGGREGATED: "
            "one 0/1 column per list, at least two.",
            (
                Column("count", "int", minimum=0,
                       description="Victims seen on exactly that combination of lists (int >= 0); "
                       "combinations with nobody may be left out.",
                       aliases=("conteo", "cantidad", "frecuencia", "n")),
                Column("period", "period", required=False, description="YYYY or YYYY-MM (optional).",
                       aliases=("periodo", "gestion")),
                Column("admin1", "text", required=False, references="areas.admin1",
                       description="Department (optional), as in the areas layer.",
                       aliases=("departamento", "depto")),
            ),
            flag_columns=True,
        ),
        Layer(
            "inspections",
            "point",
            "Inspection visits and what they found, one row per visit. No personal data: victims are counts, "
            "and counts of 1 to 4 never leave the app unsuppressed.",
            (
                Column("inspection_id", "text", unique=True, description="Visit code, unique.",
                       aliases=("id_inspeccion", "codigo_inspeccion", "id_visita")),
                Column("date", "date", description="Day of the visit, YYYY-MM-DD (not in the future).",
                       aliases=("fecha", "fecha_inspeccion", "fecha_visita")),
                Column("area_id", "text", references="areas.area_id", description="Area code of the visit.",
                       aliases=_AREA_ID_ALIASES),
                Column("site_id", "text", required=False, references="sites.site_id",
                       description="Workplace code (optional), as in the sites layer.",
                       aliases=("id_lugar", "codigo_lugar")),
                Column("sector", "text", required=False, description="Economic sector (optional), e.g. mining.",
                       aliases=("rubro",)),
                Column("victims", description="Persons identified as victims of trafficking or forced labour "
                       "(int >= 0).", aliases=("victimas",), **_COUNT),
                Column("violations", required=False, description="Labour violations found (optional, int >= 0).",
                       aliases=("infracciones",), **_COUNT),
                Column("workers", required=False, description="Workers present (optional, int >= 0).",
                       aliases=("trabajadores",), **_COUNT),
                Column("selection", "choice", required=False, choices=SELECTION_KINDS, default="other",
                       description="Why the site was visited: " + "/".join(SELECTION_KINDS)
                       + " (optional, default other).", aliases=("seleccion", "motivo_seleccion")),
                Column("selection_probability", "probability", required=False, required_when=("selection", "random"),
                       description="Chance the visit had of being drawn, in (0, 1] (optional; required when "
                       "selection is random).", aliases=("probabilidad_seleccion", "probabilidad")),
            ),
            geometry_required=False,
        ),
    )
}

#: Optional per-nationality counts in ``migration``: ``nat_<ISO3>`` (e.g. ``nat_VEN``).
NATIONALITY_PREFIX = "nat_"

#: Column names that look like personal data. Matched against normalised names
#: (lower case, accents and separators removed); any hit in ``cases`` is refused,
#: because case data must arrive aggregated.
PERSONAL_DATA_PATTERNS: tuple[str, ...] = (
    r"^(first|last|full|given|family|sur)?names?$",
    r"^(victim|victima|person|persona|nombre|nombres|apellidos?)(name|nombre)?s?$",
    r"nombre",
    r"apellido",
    r"surname",
    r"^(ci|dni|nid|cedula|carnet|carnetidentidad|passport|pasaporte|documento|document|docid|idnumber|nroci|numerodocumento|documentnumber|ssn)$",
    r"(birth|nacimiento|fechanac|dob)",
    r"(telefono|phone|email|correo|direccion|address)",
)

#: The order layers are validated and written in (references point backwards).
LAYER_ORDER: tuple[str, ...] = (
    "areas", "crossings", "offices", "sites", "cases", "migration", "sectors", "lists", "inspections",
)


def contract_markdown(lang: str = "en") -> str:
    """The contract as a Markdown table, for README (English) and the app's Data page (its language).

    Layer, column and choice names are the contract's own and stay as they are; the words
    around them and the descriptions come from :mod:`geodata.messages`.
    """

    def w(key: str) -> str:
        return frame_text(f"contract.{key}", lang)

    lines = []
    for layer in LAYERS.values():
        geom = w({"polygon": "polygons", "point": "points", "none": "table"}[layer.geometry])
        if not layer.geometry_required:
            geom += " " + w("or_table")
        req = w("required") if layer.required else w("optional")
        lines.append(f"**`{layer.name}`** ({geom}, {req}) — {description_text(layer.description, lang)}\n")
        lines.append(w("header"))
        lines.append("|---|---|---|---|---|")
        for c in layer.columns:
            kind = c.type if c.type != "choice" else w("one_of") + " " + "/".join(f"`{x}`" for x in c.choices)
            aliases = ", ".join(f"`{a}`" for a in c.aliases)
            required = w("yes") if c.required else w("no")
            if c.required_when:
                required += " " + frame_text("contract.yes_when", lang, column=c.required_when[0],
                                             value=c.required_when[1])
            lines.append(f"| `{c.name}` | {kind} | {required} | {description_text(c.description, lang)} | {aliases} |")
        if layer.prefixed:
            for prefix, typ in layer.prefixed:
                lines.append(f"| `{prefix}<ISO3>` | {typ} | {w('no')} | "
                             f"{frame_text('contract.per_nationality', lang, example=prefix + 'VEN')} | |")
        if layer.flag_columns:
            lines.append(w("flags"))
        lines.append("")
    return "\n".join(lines)
