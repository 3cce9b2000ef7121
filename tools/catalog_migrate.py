"""Move the old-shape text tables into the gettext catalog, and rebuild the catalog.

Run from the repository root (``python tools/catalog_migrate.py``). For every table in
:data:`TABLES` it rewrites each entry still in an old shape (``{"es": .., "en": ..}`` dicts,
``(es, en)`` tuples, ``MessageText(key, pattern, "Spanish")``, ``{"English": "Spanish"}`` hints)
into the English-only marker shape (``msg(context, English)``; ``msg_plural`` for the counted
texts of :data:`PLURALS`), keeps the Spanish, then extracts the catalog from the sources,
updates ``geodata/locale/<lang>/LC_MESSAGES/vigia.po``, writes the kept Spanish into the ``es``
catalog and compiles the ``.mo`` files. Entries already in the marker shape are left alone, so
a second run changes nothing and a run after new old-shape entries appeared converts just those.

Every hand fix of a translation belongs here (:data:`PLURALS`) or in the table before it is
converted, never only in the generated ``.po``.
"""

from __future__ import annotations

import ast
import io
import re
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "geodata" / "locale"
DOMAIN = "vigia"
LANGUAGES = ("es", "en")
#: Packages whose Python sources are scanned for ``msg``/``msg_plural`` (as ``make catalog`` does).
SOURCES = ("geodata", "risk", "planner", "vigia")
HEADER = """\
# Vigía in {language}: every word of its pages, messages and exported files.
# Translate the msgstr lines (Poedit, Weblate or a text editor); msgctxt is the text's key in the code,
# msgid its English. Then run 'make catalog' and commit this file and vigia.mo (README: Translating Vigía).
#"""


@dataclass(frozen=True)
class Table:
    """One table to convert: its file, variable, old shape and the context prefix of its keys."""

    path: str
    name: str
    shape: str  # "lang_dict" | "es_en_tuple" | "message_tuple" | "hint_dict"
    prefix: str


def tables() -> list[Table]:
    """The tables of the app (``vigia/ui/i18n.py`` and every ``vigia/ui/texts`` module), the
    validator's (``geodata/messages.py``), the exports' (``planner/export_texts.py``) and the
    legends of the hotspot statistics (``risk/hotspots.py``, ``risk/emerging.py``)."""
    found = [Table("vigia/ui/i18n.py", "TEXTS", "lang_dict", "")]
    found += [Table(str(p.relative_to(ROOT)), "TEXTS", "lang_dict", "")
              for p in sorted((ROOT / "vigia" / "ui" / "texts").glob("*.py")) if p.name != "__init__.py"]
    found += [
        Table("geodata/messages.py", "FRAME", "lang_dict", "validator.frame."),
        Table("geodata/messages.py", "MESSAGES", "message_tuple", "validator."),
        Table("geodata/messages.py", "HINT_PATTERNS", "message_tuple", "validator."),
        Table("geodata/messages.py", "HINTS", "hint_dict", "validator.hint"),
        Table("geodata/messages.py", "DESCRIPTIONS", "hint_dict", "validator.contract"),
        Table("planner/export_texts.py", "WORDS", "es_en_tuple", "export."),
        Table("risk/hotspots.py", "CLASS_TEXT", "lang_dict", "risk.hotspots."),
        Table("risk/emerging.py", "CATEGORY_TEXT", "lang_dict", "risk.emerging."),
    ]
    return found


#: Counted texts: context -> (count placeholder, English one, English other, Spanish one, Spanish other).
#: Their old-shape entries ("{n} equipo(s)") become ``msg_plural`` with these forms. Spanish has a
#: third CLDR form (exact millions, "1.000.000 de equipos"); it takes the "other" form here.
PLURALS: dict[str, tuple[str, str, str, str, str]] = {
    "validator.frame.summary.error": ("n", "{n} error", "{n} errors", "{n} error", "{n} errores"),
    "validator.frame.summary.fixed": ("n", "{n} fixed", "{n} fixed", "{n} corregido", "{n} corregidos"),
    "validator.frame.summary.warning": ("n", "{n} warning", "{n} warnings", "{n} aviso", "{n} avisos"),
    "validator.frame.layer_rows": ("rows", "layer {layer}: {rows} row", "layer {layer}: {rows} rows",
                                   "capa {layer}: {rows} fila", "capa {layer}: {rows} filas"),
    "validator.frame.recorded": (
        "added",
        "Wrote {path}: {added} visit recorded from {file} ({before} before, {after} now); victims found in it: "
        "{victims}",
        "Wrote {path}: {added} visits recorded from {file} ({before} before, {after} now); victims found in them: "
        "{victims}",
        "Se escribió {path}: {added} visita registrada desde {file} ({before} antes, {after} ahora); víctimas "
        "encontradas en ella: {victims}",
        "Se escribió {path}: {added} visitas registradas desde {file} ({before} antes, {after} ahora); víctimas "
        "encontradas en ellas: {victims}"),
    "inspections.n_teams": ("n", "{n} team", "{n} teams", "{n} equipo", "{n} equipos"),
    "inspections.n_days": ("n", "{n} day", "{n} days", "{n} día", "{n} días"),
    "inspections.teams_loaded": ("n", "{n} team read from {file}", "{n} teams read from {file}",
                                 "{n} equipo leído de {file}", "{n} equipos leídos de {file}"),
    "inspections.legend_team_visits": ("n", "{n} visit", "{n} visits", "{n} visita", "{n} visitas"),
    "inspections.unplaced_must_some": (
        "n", "{n} must-visit site does not fit in the plan; its reason is below.",
        "{n} must-visit sites do not fit in the plan; each one's reason is below.",
        "{n} visita obligatoria no cabe en el plan; el motivo está abajo.",
        "{n} visitas obligatorias no caben en el plan; el motivo de cada una está abajo."),
    "inspections.saved_caption": (
        "visits", "Saved by {by} on {at} · {visits} visit · risk covered {risk}",
        "Saved by {by} on {at} · {visits} visits · risk covered {risk}",
        "Guardado por {by} el {at} · {visits} visita · riesgo cubierto {risk}",
        "Guardado por {by} el {at} · {visits} visitas · riesgo cubierto {risk}"),
    "evaluate.yield_scores": ("visits", "AUC {auc}, Brier {brier} over {visits} visit",
                              "AUC {auc}, Brier {brier} over {visits} visits",
                              "AUC {auc}, Brier {brier} sobre {visits} visita",
                              "AUC {auc}, Brier {brier} sobre {visits} visitas"),
    "export.nav_day_description": (
        "visits", "{km} km, {hours} h driving; {visits} visit; ends at {end}",
        "{km} km, {hours} h driving; {visits} visits; ends at {end}",
        "{km} km, {hours} h de manejo; {visits} visita; termina en {end}",
        "{km} km, {hours} h de manejo; {visits} visitas; termina en {end}"),
}


@dataclass(frozen=True)
class Entry:
    """A converted entry: its context, English (and English plural) and Spanish forms."""

    context: str
    english: str
    english_plural: str | None
    spanish: tuple[str, ...]


class Skipped(Exception):
    """An entry the script cannot convert safely (named in the run's output)."""


def fields(text: str) -> set[str]:
    """The ``{placeholder}`` names of a format string."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def template_from_pattern(pattern: str) -> str:
    """The English text of a message pattern: named groups become ``{name}`` placeholders.

    ``(?P<value>.+?) is not a number`` -> ``{value} is not a number``; ``visit\\(s\\)`` -> ``visit(s)``.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("(?P<", i):
            name = pattern[i + 4:pattern.index(">", i)]
            depth, j = 0, i
            while True:  # skip to the group's closing parenthesis
                if pattern[j] == "\\":
                    j += 2
                    continue
                if pattern[j] == "[":  # a character class: its brackets and parentheses are literal
                    j = pattern.index("]", j + 2) + 1
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
                if depth == 0:
                    break
            out.append("{" + name + "}")
            i = j
        elif pattern.startswith("(?P=", i):
            end = pattern.index(")", i)
            out.append("{" + pattern[i + 4:end] + "}")
            i = end + 1
        elif pattern[i] == "\\":
            out.append(pattern[i + 1])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


# --- reading the old shapes ---------------------------------------------------------------------

def string_value(node: ast.expr, constants: dict[str, str], used: set[str]) -> str:
    """A string literal, a concatenation of them, or a module-level string constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        used.add(node.id)
        return constants[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return string_value(node.left, constants, used) + string_value(node.right, constants, used)
    raise Skipped(f"not a plain string: {ast.unparse(node)[:80]}")


def is_marker(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("msg", "msg_plural")


def old_entries(table: Table, value: ast.expr, constants: dict[str, str], used: set[str]
                ) -> list[tuple[ast.expr, str, str, str]]:
    """(node to replace, context, English, Spanish) of every old-shape entry of ``table``."""
    found: list[tuple[ast.expr, str, str, str]] = []
    if table.shape == "message_tuple":
        if not isinstance(value, ast.Tuple):
            raise Skipped(f"{table.path} {table.name} is not a tuple literal")
        for call in value.elts:
            if not (isinstance(call, ast.Call) and len(call.args) == 3) or is_marker(call.args[2]):
                continue
            key = string_value(call.args[0], constants, used)
            english = template_from_pattern(string_value(call.args[1], constants, used))
            found.append((call.args[2], table.prefix + key, english, string_value(call.args[2], constants, used)))
        return found
    if not isinstance(value, ast.Dict):
        raise Skipped(f"{table.path} {table.name} is not a dict literal (computed: left as it is)")
    for key_node, item in zip(value.keys, value.values):
        if key_node is None or is_marker(item):
            continue
        key = string_value(key_node, constants, used)
        try:
            if table.shape == "lang_dict" and isinstance(item, ast.Dict):
                langs = {string_value(k, constants, used): v for k, v in zip(item.keys, item.values) if k is not None}
                if set(langs) != {"es", "en"}:
                    raise Skipped(f"languages {sorted(langs)}")
                found.append((item, table.prefix + key, string_value(langs["en"], constants, used),
                              string_value(langs["es"], constants, used)))
            elif table.shape == "es_en_tuple" and isinstance(item, ast.Tuple) and len(item.elts) == 2:
                found.append((item, table.prefix + key, string_value(item.elts[1], constants, used),
                              string_value(item.elts[0], constants, used)))
            elif table.shape == "hint_dict":
                found.append((item, table.prefix, key, string_value(item, constants, used)))
            else:
                raise Skipped("unknown shape")
        except Skipped as why:
            print(f"SKIPPED {table.path} {table.name}[{key!r}]: {why}", file=sys.stderr)
    return found


# --- writing the marker shape -------------------------------------------------------------------

def py_str(text: str) -> str:
    """A double-quoted Python literal of ``text``."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def chunks(text: str, width: int = 88) -> list[str]:
    """``text`` cut into pieces of about ``width`` characters: at its line breaks, then after spaces
    (a line up to a fifth longer than ``width`` stays whole)."""
    pieces: list[str] = []
    for line in re.findall(r"[^\n]*\n|[^\n]+$", text) or [""]:
        if len(line) <= width * 6 // 5:
            pieces.append(line)
            continue
        current = ""
        for token in re.findall(r"[^ ]* *", line):
            if current and len(current) + len(token) > width:
                pieces.append(current)
                current = ""
            current += token
        if current:
            pieces.append(current)
    return pieces


def marker_call(entry: Entry, column: int) -> str:
    """``msg("context", "English")`` (or ``msg_plural``) starting at ``column``, long texts cut
    into pieces aligned under the first argument, the way the tables were written by hand."""
    name = "msg_plural" if entry.english_plural is not None else "msg"
    texts = [entry.english] + ([entry.english_plural] if entry.english_plural is not None else [])
    count = PLURALS[entry.context][0] if entry.english_plural is not None else "n"
    extra = [py_str(count)] if count != "n" else []
    one_line = f"{name}({', '.join([py_str(entry.context), *map(py_str, texts), *extra])})"
    if column + len(one_line) <= 110:
        return one_line
    align = " " * (column + len(name) + 1)
    width = max(40, 108 - len(align))
    args = [py_str(entry.context)] + [f"\n{align}".join(py_str(piece) for piece in chunks(one, width))
                                      for one in texts] + extra
    return f"{name}(" + f",\n{align}".join(args) + ")"


def make_entry(context: str, english: str, spanish: str) -> Entry:
    if context in PLURALS:
        count, en_one, en_other, es_one, es_other = PLURALS[context]
        if not fields(en_one) <= fields(english) | {count}:
            sys.exit(f"PLURALS[{context!r}] does not match the table's English {english!r}: update it")
        return Entry(context, en_one, en_other, (es_one, es_other, es_other))
    return Entry(context, english, None, (spanish,))


def convert_file(path: Path, file_tables: list[Table]) -> list[Entry]:
    """Rewrite the old-shape entries of ``path``'s tables; returns what was converted."""
    source = path.read_bytes()
    tree = ast.parse(source)
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)
                 for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                 if isinstance(t, ast.Name) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col

    edits: list[tuple[int, int, bytes]] = []
    entries: list[Entry] = []
    used: set[str] = set()
    for table in file_tables:
        node = next((n for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)
                     and any(isinstance(t, ast.Name) and t.id == table.name
                             for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))), None)
        if node is None or node.value is None:
            print(f"NOTE {table.path}: no table {table.name}", file=sys.stderr)
            continue
        try:
            found = old_entries(table, node.value, constants, used)
        except Skipped as why:
            print(f"NOTE {why}", file=sys.stderr)
            continue
        for item, context, english, spanish in found:
            entry = make_entry(context, english, spanish)
            entries.append(entry)
            assert item.end_lineno is not None and item.end_col_offset is not None
            column = len(lines[item.lineno - 1][:item.col_offset].decode())
            edits.append((offset(item.lineno, item.col_offset), offset(item.end_lineno, item.end_col_offset),
                          marker_call(entry, column).encode()))
        if isinstance(node, ast.AnnAssign) and ast.unparse(node.annotation) == "dict[str, dict[str, str]]" and found:
            edits.append((offset(node.annotation.lineno, node.annotation.col_offset),
                          offset(node.annotation.end_lineno or 0, node.annotation.end_col_offset or 0), b"dict[str, Text]"))
    if not edits:
        return entries
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    text = add_import(source.decode(), tree)
    text = drop_unused_constants(text, used)
    path.write_text(text)
    return entries


def add_import(text: str, old_tree: ast.Module) -> str:
    """Make sure ``from geodata.catalog import ...`` names every marker the module now uses."""
    tree = ast.parse(text)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} & {"Text", "msg", "msg_plural"}
    existing = next((n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "geodata.catalog"), None)
    lines = text.splitlines(keepends=True)
    if existing is not None:
        names |= {alias.name for alias in existing.names}
        first, last = existing.lineno - 1, (existing.end_lineno or existing.lineno)
        return "".join(lines[:first]) + f"from geodata.catalog import {', '.join(sorted(names))}\n" + "".join(lines[last:])
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    if imports:
        at = imports[-1].end_lineno or imports[-1].lineno
    else:
        doc = tree.body[0] if tree.body and isinstance(tree.body[0], ast.Expr) else None
        at = (doc.end_lineno or 0) if doc is not None else 0
    new = f"from geodata.catalog import {', '.join(sorted(names))}\n"
    return "".join(lines[:at]) + ("\n" if at and not imports else "") + new + "".join(lines[at:])


def drop_unused_constants(text: str, used: set[str]) -> str:
    """Remove the module-level string constants whose text moved into ``msg`` calls."""
    tree = ast.parse(text)
    referenced = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    lines = text.splitlines(keepends=True)
    for node in reversed(tree.body):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in used and name not in referenced:
                end = node.end_lineno or node.lineno
                if end < len(lines) and not lines[end].strip():
                    end += 1  # and the blank line after it
                del lines[node.lineno - 1:end]
    return "".join(lines)


# --- inline ternaries ----------------------------------------------------------------------------

def language_test(node: ast.expr) -> tuple[ast.expr, str] | None:
    """(the language expression, the language the true branch is in) of ``lang == "es"`` and the like."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq | ast.NotEq)):
        return None
    left, right = node.left, node.comparators[0]
    if isinstance(left, ast.Constant):
        left, right = right, left
    if not (isinstance(right, ast.Constant) and right.value in LANGUAGES):
        return None
    names = [part.id if isinstance(part, ast.Name) else part.attr for part in ast.walk(left)
             if isinstance(part, ast.Name | ast.Attribute)]
    if not any("lang" in name for name in names):
        return None
    other = "en" if right.value == "es" else "es"
    return left, right.value if isinstance(node.ops[0], ast.Eq) else other


def convert_ternaries(path: Path) -> list[Entry]:
    """Rewrite ``"Spanish" if lang == "es" else "English"`` (both plain strings) as
    ``msg("inline.<module>.<words>", "English")[lang]``; other ternaries on the language are listed."""
    source = path.read_bytes()
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    edits: list[tuple[int, int, bytes]] = []
    entries: list[Entry] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.IfExp) or (test := language_test(node.test)) is None:
            continue
        lang_node, true_lang = test
        branches = {true_lang: node.body, ("en" if true_lang == "es" else "es"): node.orelse}
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if not all(isinstance(b, ast.Constant) and isinstance(b.value, str) for b in branches.values()):
            print(f"LEFT {where}: {ast.unparse(node)[:100]} (not two plain strings: convert by hand)", file=sys.stderr)
            continue
        english, spanish = (ast.literal_eval(branches[lang]) for lang in ("en", "es"))
        if not re.search(r"[A-Za-z]{2}", english):
            print(f"LEFT {where}: {ast.unparse(node)[:100]} (not words: a number format belongs to "
                  "geodata/formats.py)", file=sys.stderr)
            continue
        words = "_".join(re.findall(r"[a-z0-9]+", english.lower())[:5]) or "text"
        entry = Entry(f"inline.{module}.{words}", english, None, (spanish,))
        entries.append(entry)
        call = f"msg({py_str(entry.context)}, {py_str(english)})[{ast.unparse(lang_node)}]"
        assert node.end_lineno is not None and node.end_col_offset is not None
        edits.append((starts[node.lineno - 1] + node.col_offset, starts[node.end_lineno - 1] + node.end_col_offset,
                      call.encode()))
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    if edits:
        path.write_text(add_import(source.decode(), tree))
        print(f"{path.relative_to(ROOT)}: {len(edits)} inline ternaries converted")
    return entries


# --- the catalog ----------------------------------------------------------------------------------

def extract() -> Catalog:
    """What ``pybabel extract -F babel.cfg --no-default-keywords`` finds in :data:`SOURCES`."""
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    template = Catalog(project="Vigía", charset="utf-8", fuzzy=False)
    for package in SOURCES:
        for filename, _, message, comments, context in extract_from_dir(
                str(ROOT / package), method_map, options_map, keywords={}):
            template.add(message, None, [], auto_comments=comments, context=context)
            del filename
    return template


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def update(lang: str, template: Catalog, spanish: dict[tuple[str, str], tuple[str, ...]]) -> Catalog:
    """The ``lang`` catalog updated to ``template`` (no fuzzy guesses, obsolete entries dropped),
    with the converted Spanish written in."""
    path = po_path(lang)
    if path.exists():
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
        template.creation_date = catalog.creation_date  # so a run that changes nothing writes nothing
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="Vigía", version="0.1", charset="utf-8", fuzzy=False,
                          msgid_bugs_address="", last_translator="", language_team="")
        catalog.creation_date = template.creation_date
        catalog.header_comment = HEADER.format(language=Locale.parse(lang).english_name)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    if lang == "es":
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
            forms = spanish.get((message.context or "", msgid))
            if forms is None:
                continue
            message.string = forms if message.pluralizable else forms[0]
            message.flags.discard("fuzzy")
    return catalog


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build_catalogs(entries: list[Entry]) -> list[Path]:
    """Extract, update every language's ``.po`` (Spanish of ``entries`` written in) and compile."""
    spanish = {(e.context, e.english): e.spanish for e in entries}
    changed = []
    for lang in LANGUAGES:
        catalog = update(lang, extract(), spanish)
        po, mo = io.BytesIO(), io.BytesIO()
        write_po(po, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
        write_mo(mo, catalog, use_fuzzy=False)
        for path, data in ((po_path(lang), po.getvalue()), (po_path(lang).with_suffix(".mo"), mo.getvalue())):
            if write_if_changed(path, data):
                changed.append(path)
    return changed


def main() -> None:
    by_file: dict[str, list[Table]] = {}
    for table in tables():
        by_file.setdefault(table.path, []).append(table)
    entries: list[Entry] = []
    converted: list[Path] = []
    for relative, file_tables in by_file.items():
        found = convert_file(ROOT / relative, file_tables)
        if found:
            converted.append(ROOT / relative)
            print(f"{relative}: {len(found)} entries converted")
        entries += found
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found = convert_ternaries(path)
            if found:
                converted.append(path)
            entries += found
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for entry in entries:
        if seen.setdefault((entry.context, entry.english), entry.spanish) != entry.spanish:
            sys.exit(f"{entry.context!r} {entry.english!r} has two different Spanish texts; give the keys "
                     "distinct English or the same Spanish")
    if converted:  # imports in the order ruff wants, as a person would have written them
        subprocess.run([sys.executable, "-m", "ruff", "check", "--fix", "--quiet", "--select", "I,F401",
                        *map(str, converted)], check=False, cwd=ROOT)
    for path in build_catalogs(entries):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
