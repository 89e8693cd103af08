"""The codebook as a REDCap data dictionary (the CSV REDCap's "Upload data dictionary" reads).

Each export column becomes a field of one instrument, `thought_record`: ratings and counts are
text fields validated as integer or number with their min and max, categories are radio
buttons with their codes and labels, true/false a radio of true and false, free text a notes
field; the field annotation says what an empty value means. The practice table is a second dictionary,
instrument `practice` (REDCap wants each field name once per project, and both tables have a
`participant` and a `day`).
"""

from __future__ import annotations

from thoughtwork.export.columns import COLUMNS, Column

FORM = "thought_record"
PRACTICE_FORM = "practice"
HEADER = [
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
    "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
    "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
    "Field Annotation",
]


def data_dictionary(columns: list[str], table: dict[str, Column] | None = None, form: str = FORM) -> list[dict[str, str]]:
    """The dictionary of one table's columns (default: the records', as instrument `thought_record`)."""
    table = COLUMNS if table is None else table
    return [_field(table[name], form) for name in columns]


def _field(column: Column, form: str) -> dict[str, str]:
    row = dict.fromkeys(HEADER, "")
    row.update({
        "Variable / Field Name": column.name,
        "Form Name": form,
        "Field Label": column.meaning,
        "Field Annotation": column.missing,
        "Required Field?": "y" if column.missing == "never empty" else "",
    })
    kind = column.type
    if kind in ("integer", "number"):
        row["Field Type"] = "text"
        row["Text Validation Type OR Show Slider Number"] = kind
        row["Text Validation Min"] = "" if column.low is None else str(column.low)
        row["Text Validation Max"] = "" if column.high is None else str(column.high)
    elif kind == "category":
        row["Field Type"] = "radio"
        row["Choices, Calculations, OR Slider Labels"] = " | ".join(
            f"{level}, {label}" for level, label in zip(column.levels, column.labels or column.levels, strict=True))
    elif kind == "boolean":
        row["Field Type"] = "radio"
        row["Choices, Calculations, OR Slider Labels"] = "true, Yes | false, No"
    elif kind == "list":
        # REDCap's checkbox import wants one column per choice; the records keep one cell of codes.
        row["Field Type"] = "text"
        row["Field Note"] = "codes separated by ';': " + ", ".join(
            f"{level} ({label})" for level, label in zip(column.levels, column.labels or column.levels, strict=True))
    elif kind == "text":
        row["Field Type"] = "notes"
        row["Field Note"] = "scrubbed of identifiers on the participant's computer"
    else:
        row["Field Type"] = "text"
    return row
