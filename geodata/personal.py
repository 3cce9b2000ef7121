"""Column names that look like personal data, matched by the words inside them.

Case data must arrive aggregated. Whole-name patterns miss the way clerks
actually head columns — ``Carnet de identidad``, ``Nro. Documento``,
``CI Victima``, ``passport_number``, ``numero_ci`` — so names are split into
words (at spaces, punctuation, digits and camelCase) and each word is compared
with lists of identity-document, name, contact and birth words, in Spanish and
English. Identity-document columns are refused in every layer; the other kinds
only in ``cases`` (an office's phone number is not personal data).
"""

from __future__ import annotations

import re
import unicodedata

from geodata.contracts import PERSONAL_DATA_PATTERNS

#: Words that name an identity document (ci = cédula de identidad in Bolivia).
IDENTITY_WORDS = frozenset({
    "ci", "cedula", "carnet", "carne", "dni", "nid", "pasaporte", "passport", "documento", "document",
    "identidad", "identity", "identificacion", "identification", "ssn", "rut", "curp", "nie", "nuip",
})
#: Words for a person's name.
NAME_WORDS = frozenset({
    "nombre", "nombres", "apellido", "apellidos", "name", "names", "surname", "surnames", "firstname",
    "lastname", "fullname", "nombrecompleto",
})
#: Contact and birth details.
CONTACT_WORDS = frozenset({
    "telefono", "tel", "celular", "movil", "phone", "mobile", "email", "correo", "mail", "whatsapp",
    "direccion", "domicilio", "address", "nacimiento", "birth", "birthdate", "birthday", "dob", "fechanac",
})
#: Word pairs that together mean an identity number or a birth date (``id number``, ``fecha nac``).
_PAIRS = ({"id", "number"}, {"id", "numero"}, {"id", "nro"}, {"id", "no"}, {"fecha", "nac"})

_PATTERNS = [re.compile(p) for p in PERSONAL_DATA_PATTERNS]


def name_words(name: str) -> list[str]:
    """``'Nro. Documento'`` -> ``['nro', 'documento']``; ``'passportNumber'`` -> ``['passport', 'number']``."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(name))
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", spaced) if not unicodedata.combining(ch))
    return [w for w in re.split(r"[^a-z]+", plain.lower()) if w]


def personal_kind(name: str, layer: str) -> str | None:
    """What personal data a column name suggests (``"identity document"``, ``"name"``, ``"contact"``) or None."""
    words = set(name_words(name))
    if words & IDENTITY_WORDS or (layer == "cases" and any(pair <= words for pair in _PAIRS[:4])):
        return "identity document"
    if layer != "cases":
        return None
    if words & NAME_WORDS:
        return "name"
    if words & CONTACT_WORDS or _PAIRS[4] <= words:
        return "contact or birth"
    squashed = "".join(name_words(name))
    if squashed and any(p.search(squashed) for p in _PATTERNS):
        return "name"
    return None
