# ruff: noqa: E501
"""Fill the reports catalogs: Hebrew from HE below, English = msgid. Run after makemessages (dev helper)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

HE = {
    "Reports, imports and exports": "דוחות, ייבוא וייצוא",
    "Organizations": "ארגונים",
    "Name": "שם",
    "Name in English": "שם באנגלית",
    "Sector": "מגזר",
    "Subtype": "סוג",
    "Legal form": "צורה משפטית",
    "Registry number": "מספר רישום",
    "Locality": "יישוב",
    "Fields of activity": "תחומי פעילות",
    "Website": "אתר",
    "Relationships": "קשרים",
    "Organization": "ארגון",
    "Other organization": "ארגון אחר",
    "Rung": "שלב בסולם",
    "Domain of activity": "תחום פעילות",
    "Date": "תאריך",
    "Source": "מקור",
    "Partnerships": "שותפויות",
    "Stage": "שלב",
    "Convener": "מכנס",
    "Members": "חברים",
    "Focus of action": "מוקד הפעולה",
    "Start date": "תאריך התחלה",
    "Public page": "דף ציבורי",
    "Yes": "כן",
    "No": "לא",
    "The file cannot be read as %(encoding)s: %(error)s": "לא ניתן לקרוא את הקובץ בקידוד %(encoding)s: %(error)s",
    "It looks like Windows-1255 (Hebrew Windows): save it as UTF-8, or choose that encoding.": "נראה שהוא בקידוד Windows-1255 (עברית של Windows): שמרו אותו כ-UTF-8, או בחרו בקידוד הזה.",
    "The file is not UTF-8: the byte at position %(position)s cannot be read.": "הקובץ אינו בקידוד UTF-8: לא ניתן לקרוא את הבית במקום %(position)s.",
    "The file is empty.": "הקובץ ריק.",
    "The spreadsheet cannot be opened: %(error)s": "לא ניתן לפתוח את הגיליון: %(error)s",
    "Missing columns: %(missing)s. The file has: %(present)s.": "חסרות עמודות: %(missing)s. בקובץ יש: %(present)s.",
    "another locality": "יישוב אחר",
    "not active (%(status)s)": "לא פעיל (%(status)s)",
    "Duplicate of row %(row)s.": "כפילות של שורה %(row)s.",
    "The name is empty.": "השם ריק.",
    "The name is longer than 300 characters.": "השם ארוך מ-300 תווים.",
    "A registry number has digits only.": "מספר רישום מכיל ספרות בלבד.",
    "The registry number is empty.": "מספר הרישום ריק.",
    "This is not the number of a nonprofit, company or cooperative.": "זה אינו מספר של עמותה, חברה או אגודה שיתופית.",
    "Unknown sector: %(value)s": "מגזר לא מוכר: %(value)s",
    "Unknown subtype: %(value)s": "סוג לא מוכר: %(value)s",
    "This subtype belongs to another sector.": "הסוג הזה שייך למגזר אחר.",
    "Unknown legal form: %(value)s": "צורה משפטית לא מוכרת: %(value)s",
    "Not a year: %(value)s": "אינה שנה: %(value)s",
    "Not an amount: %(value)s": "אינו סכום: %(value)s",
    "A CBS symbol has digits only.": 'סמל למ"ס מכיל ספרות בלבד.',
    "Not a whole number: %(value)s": "אינו מספר שלם: %(value)s",
    "CBS symbol": 'סמל למ"ס',
    "name": "שם",
    "name in English": "שם באנגלית",
    "type": "סוג",
    "district": "מחוז",
    "district in English": "מחוז באנגלית",
    "population": "אוכלוסייה",
    "socio-economic cluster": "אשכול חברתי-כלכלי",
    "peripherality cluster": "אשכול פריפריאליות",
    "local authority": "רשות מקומית",
    "local authorities": "רשויות מקומיות",
    "funder": "מממן",
    "recipient": "מקבל",
    "year": "שנה",
    "amount (NIS)": 'סכום (ש"ח)',
    "resource type": "סוג משאב",
    "source file": "קובץ מקור",
    "funding flow": "העברת מימון",
    "funding flows": "העברות מימון",
    "reliable": "אמין",
    "supports the shared mission": "תומך במשימה המשותפת",
    "open to discussion": "פתוח לדיון",
    "power and influence": "כוח והשפעה",
    "level of involvement": "רמת מעורבות",
    "resources it contributes": "משאבים שהוא תורם",
    "Called a partnership, but diagnosed as %(rung)s.": "נקראת שותפות, אך אובחנה כ%(rung)s.",
    "%(create)s to create, %(update)s to update, %(unchanged)s unchanged, %(skip)s skipped, %(reject)s rejected.": "%(create)s ליצירה, %(update)s לעדכון, %(unchanged)s ללא שינוי, %(skip)s דולגו, %(reject)s נדחו.",
    "recipient not in the town's registry": "המקבל אינו במאגר הארגונים של היישוב",
    "added to row %(row)s": "נוסף לשורה %(row)s",
    "Cluster": "אשכול",
    "Towns": "יישובים",
    "Cross-sector ties": "קשרים בין-מגזריים",
    "Flags": "דגלים",
    "No town is linked to a local authority yet.": "עדיין אין יישוב המקושר לרשות מקומית.",
    "Stage: %(stage)s": "שלב: %(stage)s",
    "Convener: %(convener)s": "מכנס: %(convener)s",
    "Goals": "מטרות",
    "No goals recorded yet.": "עדיין לא נרשמו מטרות.",
    "Focus of action: %(focus)s": "מוקד הפעולה: %(focus)s",
    "Members and roles": "חברים ותפקידים",
    "Roles": "תפקידים",
    "No members yet.": "עדיין אין חברים.",
    "Resources pledged, by type and sector": "משאבים שהתחייבו להם, לפי סוג ומגזר",
    "Pledges by resource type": "התחייבויות לפי סוג משאב",
    "Resource type": "סוג משאב",
    "Pledges": "התחייבויות",
    "Value (NIS)": 'שווי (ש"ח)',
    "No pledges yet.": "עדיין אין התחייבויות.",
    "Pledges by the giver's sector": "התחייבויות לפי מגזר הנותן",
    "Decisions": "החלטות",
    "No decisions recorded yet.": "עדיין לא נרשמו החלטות.",
    "Diagnosis": "אבחון",
    "Diagnosed rung: %(rung)s": "השלב שאובחן: %(rung)s",
    "It meets the tests of a partnership.": "היא עומדת במבחני השותפות.",
    "It does not (yet) meet the tests of a partnership.": "היא (עדיין) אינה עומדת במבחני השותפות.",
    "The six principles": "ששת העקרונות",
    "Principle": "עיקרון",
    "Status": "מצב",
    "Notes": "הערות",
    "Health survey": "סקר בריאות השותפות",
    'Wave "%(wave)s": %(n)s ratings between members (scale 1 to 4).': 'גל "%(wave)s": %(n)s דירוגים בין החברים (סולם 1 עד 4).',
    "The members have not yet rated each other in a survey.": "החברים עדיין לא דירגו זה את זה בסקר.",
    "Progress": "התקדמות",
    "%(done)s of %(total)s pledges delivered": "%(done)s מתוך %(total)s התחייבויות סופקו",
    "%(n)s activities, %(people)s beneficiaries": "%(n)s פעילויות, %(people)s מוטבים",
    "%(n)s framework documents": "%(n)s מסמכי מסגרת",
    "%(town)s: the state of the cross-sector interface": "%(town)s: מצב הממשק הבין-מגזרי",
    "%(orgs)s organizations, %(rels)s recorded relationships, %(parts)s partnerships.": "%(orgs)s ארגונים, %(rels)s קשרים רשומים, %(parts)s שותפויות.",
    "Organizations by sector": "ארגונים לפי מגזר",
    "The relationship ladder": "סולם היחסים",
    "Relationships by rung": "קשרים לפי שלב בסולם",
    "Sector mixing": "עירוב מגזרים",
    'Of %(n)s ties at the rung "%(rung)s" or above, %(share)s cross sector lines.': 'מתוך %(n)s קשרים בשלב "%(rung)s" ומעלה, %(share)s חוצים קווי מגזר.',
    "The map": "המפה",
    "Organizations coloured by sector: public in blue, third sector in green, business in orange; lines are ties.": "ארגונים בצבע המגזר: הציבורי בכחול, השלישי בירוק, העסקי בכתום; הקווים הם קשרים.",
    "Brokers and isolates": "מתווכים ומבודדים",
    "Brokers: the organizations most often on the shortest path between two others": "מתווכים: הארגונים שנמצאים הכי הרבה על הדרך הקצרה בין שני ארגונים אחרים",
    "Ties": "קשרים",
    "Betweenness": "מרכזיות תיווך",
    "None.": "אין.",
    "Isolates (no tie at informing or above):": "מבודדים (אין קשר בשלב יידוע ומעלה):",
    "Partnerships by stage and diagnosed rung": "שותפויות לפי שלב חיים ושלב בסולם שאובחן",
    "Not diagnosed": "לא אובחנה",
    "No partnerships yet.": "עדיין אין שותפויות.",
    "No flags.": "אין דגלים.",
    "Change since the previous wave": "השינוי מאז הגל הקודם",
    "Change": "שינוי",
    "There are not yet two survey waves with answers to compare.": "עדיין אין שני גלי סקר עם תשובות להשוואה.",
    "Funding flows": "העברות מימון",
    "Funder": "מממן",
    "Year": "שנה",
    "Recipients": "מקבלים",
    "Total (NIS)": 'סך הכול (ש"ח)',
    "No funding flows imported.": "לא יובאו העברות מימון.",
    "Import data": "ייבוא נתונים",
    "Check a file first with a dry run: it shows row by row what would be created, updated or rejected, and writes "
    "nothing. Then import it: all rows or none.": "בדקו קודם את הקובץ בהרצת ניסיון: היא מראה שורה אחר שורה מה ייווצר, יעודכן או יידחה, ואינה כותבת דבר."
    " אחר כך ייבאו אותו: כל השורות או אף אחת.",
    "File (CSV or XLSX)": "קובץ (CSV או XLSX)",
    "What the file holds": "מה יש בקובץ",
    "Format (organizations)": "תבנית (ארגונים)",
    "Encoding": "קידוד",
    "Keep rows of every locality (not only this town's)": "לשמור שורות מכל היישובים (לא רק של היישוב הזה)",
    "Dry run": "הרצת ניסיון",
    "Import": "ייבוא",
    "Imported": "יובא",
    "Dry run: nothing was written": "הרצת ניסיון: דבר לא נכתב",
    "Nothing was written": "דבר לא נכתב",
    "Some rows were rejected, so nothing was imported. Fix them and try again.": "חלק מהשורות נדחו, ולכן דבר לא יובא. תקנו אותן ונסו שוב.",
    "Row": "שורה",
    "Result": "תוצאה",
    "Why": "למה",
    'column "%(column)s": %(message)s': 'עמודה "%(column)s": %(message)s',
    "National view": "מבט ארצי",
    "Only totals per town and per cluster are shown here; no town's records.": "כאן מוצגים רק סיכומים לפי יישוב ולפי אשכול; לא רשומות של יישוב.",
    "Town": "יישוב",
    "Socio-economic cluster": "אשכול חברתי-כלכלי",
    "Peripherality cluster": "אשכול פריפריאליות",
    "By socio-economic cluster": "לפי אשכול חברתי-כלכלי",
    "By peripherality cluster": "לפי אשכול פריפריאליות",
    "Local authorities": "רשויות מקומיות",
    "Show the table": "הצגת הטבלה",
    "District": "מחוז",
    "Population": "אוכלוסייה",
    "Not imported yet: run shutafut data import authorities.": "עדיין לא יובא: הריצו shutafut data import authorities.",
    "Report: %(name)s": "דוח: %(name)s",
    "Downloads": "הורדות",
    "Download PDF": "הורדת PDF",
    "Back to the partnership": "חזרה לשותפות",
    "Shutafut": "שותפות",
    "A partnership in %(town)s · stage: %(stage)s": "שותפות ב%(town)s · שלב: %(stage)s",
    "Partners": "שותפים",
    "Resources pledged": "משאבים שהתחייבו להם",
    "Milestones": "אבני דרך",
    "No milestones yet.": "עדיין אין אבני דרך.",
    "Town report": "דוח היישוב",
    "Organizations (XLSX)": "ארגונים (XLSX)",
    "Relationships (XLSX)": "קשרים (XLSX)",
    "Partnerships (XLSX)": "שותפויות (XLSX)",
    "Choose a file.": "בחרו קובץ.",
    "The file is too large (at most 20 MB).": "הקובץ גדול מדי (עד 20 MB).",
    "Unknown kind of import.": "סוג ייבוא לא מוכר.",
    "Unknown encoding.": "קידוד לא מוכר.",
}
HE_PLURAL = {
    "%(counter)s local authority in the national table.": [
        "רשות מקומית %(counter)s בטבלה הארצית.",
        "%(counter)s רשויות מקומיות בטבלה הארצית.",
        "%(counter)s רשויות מקומיות בטבלה הארצית.",
        "%(counter)s רשויות מקומיות בטבלה הארצית.",
    ],
}


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def unq(lines: list[str]) -> str:
    out = ""
    for line in lines:
        s = line.strip()
        s = s[s.index('"') + 1 : -1]
        out += re.sub(r"\\(.)", lambda m: {"n": "\n", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), s)
    return out


def fill(path: Path, lang: str) -> list[str]:
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    missing = []
    out = []
    for block in blocks:
        lines = block.split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"(msgid|msgid_plural|msgstr(\[\d\])?) ", line)]
        if not keys or lines[keys[0]].startswith('msgid ""') and len(keys) == 2 and keys[1] == keys[0] + 1:
            out.append(block)
            continue
        parts: dict[str, list[str]] = {}
        for n, start in enumerate(keys):
            end = keys[n + 1] if n + 1 < len(keys) else len(lines)
            name = lines[start].split(" ", 1)[0]
            parts[name] = [lines[start].split(" ", 1)[1], *lines[start + 1 : end]]
        msgid = unq(parts["msgid"])
        head = [line for line in lines[: keys[0]] if not line.startswith("#, fuzzy")]
        head = [line.replace(", fuzzy", "") for line in head]
        if "msgid_plural" in parts:
            plural = unq(parts["msgid_plural"])
            forms = HE_PLURAL.get(msgid) if lang == "he" else [msgid, plural]
            if forms is None:
                missing.append(msgid)
                out.append(block)
                continue
            body = [f"msgid {q(msgid)}", f"msgid_plural {q(plural)}"] + [
                f"msgstr[{i}] {q(f)}" for i, f in enumerate(forms)
            ]
        else:
            text = HE.get(msgid) if lang == "he" else msgid
            if text is None:
                missing.append(msgid)
                out.append(block)
                continue
            body = [f"msgid {q(msgid)}", f"msgstr {q(text)}"]
        out.append("\n".join(head + body))
    path.write_text("\n\n".join(out), encoding="utf-8")
    return missing


if __name__ == "__main__":
    base = Path(__file__).parent
    problems = fill(base / "he/LC_MESSAGES/django.po", "he") + fill(base / "en/LC_MESSAGES/django.po", "en")
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
