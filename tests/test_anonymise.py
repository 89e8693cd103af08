"""The anonymiser: each kind of identifier becomes its placeholder, ordinary words stay,
and the labelled dev set keeps its recall and word-survival floors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoughtwork.cli.research_commands import scrub_line
from thoughtwork.export.anonymiser import Anonymiser, split_placeholders
from thoughtwork.export.evaluation import evaluate, load
from thoughtwork.export.patterns import nhs_checksum_ok

DATA = Path(__file__).parent / "data"
DEV = DATA / "anonymise_dev.jsonl"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(["Jordan", "Dr Amara Okafor"])


def scrub(anon: Anonymiser, text: str) -> str:
    return anon.scrub(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email me at priya.s@example.co.uk please", "Email me at [EMAIL] please"),
        ("See https://example.org/forum?id=3.", "See [URL]."),
        ("found it on www.gentle-steps.com today", "found it on [URL] today"),
        ("follow @quiet_fern for tips", "follow [HANDLE] for tips"),
        ("ring 07700 900123 tonight", "ring [PHONE] tonight"),
        ("ring +44 20 7946 0958 tonight", "ring [PHONE] tonight"),
        ("call (415) 555-0132 now", "call [PHONE] now"),
        ("My NHS number is 943 476 5919.", "My NHS number is [ID]."),
        ("policy number POL-2023-88812 was refused", "policy number [ID] was refused"),
        ("NI number QQ 12 34 56 C", "NI number [ID]"),
        ("SSN 123-45-6789", "SSN [ID]"),
        ("We live at 12 Baker Street now", "We live at [ADDRESS] now"),
        ("it is in SW1A 1AA I think", "it is in [POSTCODE] I think"),
        ("born on 4 July 1990", "born on [DATE]"),
        ("seen on 12/06/2024 at last", "seen on [DATE] at last"),
        ("Keizersgracht 412, 1016 GC", "[ADDRESS], [POSTCODE]"),
        ("email jane.doe at gmail dot com", "email [EMAIL]"),
        ("my insta is fern.grows now", "my insta is [HANDLE] now"),
        ("IBAN GB29 NWBK 6016 1331 9268 19", "IBAN [ID]"),
        ("I live in SE15 now", "I live in [POSTCODE] now"),
        ("see you on the 5th", "see you on the [DATE]"),
        ("Apt 4B, 310 West 72nd Street", "[ADDRESS]"),
        ("on the third of March we met", "on the [DATE] we met"),
        ("car reg AB12 CDE outside", "car reg [ID] outside"),
    ],
)
def test_shaped_identifiers_become_typed_placeholders(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


def test_names_places_and_organisations(anon: Anonymiser) -> None:
    out = scrub(anon, "I told Priya Sharma about the Whittington Hospital visit in Manchester.")
    assert out == "I told [NAME] about the [ORG] visit in [PLACE]."


def test_known_names_are_hidden_in_any_case_even_when_they_are_also_places(anon: Anonymiser) -> None:
    assert scrub(anon, "jordan was kind. Jordan's hug helped.") == "[NAME] was kind. [NAME]'s hug helped."
    assert scrub(anon, "Okafor said it is common") == "[NAME] said it is common"


def test_lowercase_diary_names_are_found(anon: Anonymiser) -> None:
    assert scrub(anon, "went to leeds with tom and oluwaseun") == "went to [PLACE] with [NAME] and [NAME]"


def test_word_names_are_words_at_the_start_of_a_sentence(anon: Anonymiser) -> None:
    text = "Will I ever manage? Hope is hard to hold on to."
    assert scrub(anon, text) == text
    assert scrub(anon, "I hope Will understands.") == "I hope [NAME] understands."


def test_vitamins_ratings_and_ordinals_are_not_identifiers(anon: Anonymiser) -> None:
    text = "I had B12 shots and tried for the 3rd time; pain 6/10, 50mg twice a day."
    assert scrub(anon, text) == text


def test_names_in_scripts_without_capitals_are_hidden(anon: Anonymiser) -> None:
    assert scrub(anon, "I told \u738b\u82b3 and \u041d\u0430\u0442\u0430\u043b\u044c\u044f") == "I told [NAME] and [NAME]"


def test_relations_and_cue_verbs_mark_unlisted_lowercase_names(anon: Anonymiser) -> None:
    assert scrub(anon, "my boyfriend deshawn was sweet") == "my boyfriend [NAME] was sweet"
    assert scrub(anon, "texted abiola after") == "texted [NAME] after"


def test_multi_word_places_and_particles(anon: Anonymiser) -> None:
    assert scrub(anon, "my sister in Bishop's Stortford") == "my sister in [NAME]"
    assert scrub(anon, "we met in new york") == "we met in [PLACE]"
    assert scrub(anon, "Dr Van der Berg's clinic") == "Dr [NAME]'s clinic"


def test_a_word_found_as_a_name_is_a_name_throughout_the_text(anon: Anonymiser) -> None:
    assert scrub(anon, "Grace was lovely. I thanked Grace.") == "[NAME] was lovely. I thanked [NAME]."


def test_names_learned_from_other_texts_are_hidden_at_the_start_of_a_sentence() -> None:
    anonymiser = Anonymiser()
    # Alone, "Grace filled the room" could be the quality; another record shows it is a person.
    assert anonymiser.scrub("Grace filled the room.").text == "Grace filled the room."
    anonymiser.learn(["I hope Grace comes too.", "grace and patience"])
    assert anonymiser.scrub("Grace filled the room.").text == "[NAME] filled the room."
    assert anonymiser.scrub("with grace and patience").text == "with grace and patience"


def test_title_marks_the_next_word_as_a_name(anon: Anonymiser) -> None:
    assert scrub(anon, "Dr Brown was gentle") == "Dr [NAME] was gentle"


def test_ordinary_clinical_words_and_ratings_survive(anon: Anonymiser) -> None:
    text = "Dilators scare me. The gynaecologist was kind. Pain was 7/10, anxiety 80 before and 40 after."
    assert scrub(anon, text) == text


def test_a_placeholder_typed_by_the_person_is_not_mistaken_for_a_redaction(anon: Anonymiser) -> None:
    result = anon.scrub("I wrote [NAME] in my notes")
    assert "[NAME]" not in result.text
    assert result.spans == ()


def test_pieces_mark_each_placeholder(anon: Anonymiser) -> None:
    pieces = split_placeholders(scrub(anon, "Sam rang from Leeds"))
    assert [kind for _, kind in pieces if kind] == ["NAME", "PLACE"]


def test_nhs_checksum() -> None:
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")


def test_dev_set_floors() -> None:
    """Recall floors on the labelled dev set: shaped identifiers all caught, names and places >= 98%."""
    report = evaluate(load(DEV), Anonymiser().find)
    for kind in ("EMAIL", "PHONE", "URL", "ID", "HANDLE", "POSTCODE", "ADDRESS"):
        assert report.by_type[kind].recall == 1.0, (kind, report.misses)
    assert report.recall("NAME", "PLACE") >= 0.98, report.misses
    assert report.recall() >= 0.97
    assert report.word_survival >= 0.95, report.over[:20]


@pytest.mark.parametrize("name", ["anonymise_holdout.jsonl", "anonymise_blind.jsonl", "anonymise_blind2.jsonl"])
def test_held_out_set_floors(name: str) -> None:
    """Sets written after the detectors (see scripts/evaluate_anonymiser.py): floors a little under today's figures."""
    report = evaluate(load(DATA / name), Anonymiser().find)
    assert report.recall("EMAIL", "PHONE", "URL", "ID", "HANDLE", "POSTCODE") == 1.0, report.misses
    assert report.recall("NAME", "PLACE") >= 0.95, report.misses
    assert report.word_survival >= 0.95, report.over[:20]


def test_thoughts_without_identifiers_keep_their_words() -> None:
    """The distortion engineer's labelled thoughts (written independently, no identifiers) survive whole."""
    files = sorted(DATA.glob("distortions_*.jsonl"))
    if not files:
        pytest.skip("no distortion data sets in tests/data")
    texts = [json.loads(line)["text"] for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [{"id": str(i), "text": text, "spans": []} for i, text in enumerate(texts)]
    report = evaluate(lines, Anonymiser().find)
    assert report.words_total > 1000
    assert report.word_survival >= 0.99, report.over[:20]
    assert "I" not in {word for _, word in report.over}


def test_cues_need_the_words_to_be_neighbours(anon: Anonymiser) -> None:
    text = "Compared to my sister, I'm a failure. I can't handle any more pain. Every doctor I see dismisses me."
    assert scrub(anon, text) == text


def test_jsonl_lines_never_crash() -> None:
    anonymiser = Anonymiser()
    assert scrub_line(anonymiser, '{"id": 7, "text": "Sam rang"}') == {"id": 7, "text": "[NAME] rang"}
    assert scrub_line(anonymiser, "not json")["error"]
    assert scrub_line(anonymiser, '{"id": 1, "text": NaN}')["error"]
    assert scrub_line(anonymiser, "[1, 2]")["error"]
    assert scrub_line(anonymiser, '{"id": "a", "text": 5}') == {"id": "a", "error": '"text" must be a string'}
    assert scrub_line(anonymiser, "[" * 100_000)["error"]


def test_anonymise_command_reads_stdin_and_writes_one_line_per_line() -> None:
    lines = '{"id": "a", "text": "email me: x@y.com"}\n{broken\n{"id": "b", "text": "Ravi said hi in Z\u00fcrich"}\n'
    done = subprocess.run(
        [sys.executable, "-m", "thoughtwork.cli.main", "anonymise", "--jsonl", "--name", "Ravi"],
        input=lines.encode() + b"\xff\xfe not utf-8\n", capture_output=True, timeout=60,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert out == [
        {"id": "a", "text": "email me: [EMAIL]"},
        {"id": None, "error": "this line is not valid JSON"},
        {"id": "b", "text": "[NAME] said hi in [PLACE]"},
        {"id": None, "error": "this line is not valid UTF-8"},
    ]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_scrubbing_never_fails_and_a_known_name_never_survives(before: str, after: str) -> None:
    anonymiser = _fuzz_anonymiser()
    text = f"{before} Sam {after} sam's"
    result = anonymiser.scrub(text)
    assert all(0 <= s.start < s.end <= len(text) for s in result.spans)
    assert not re.search(r"(?<!\w)sam(?!\w)", result.text, re.IGNORECASE)


@lru_cache(maxsize=1)
def _fuzz_anonymiser() -> Anonymiser:
    return Anonymiser(["Sam"])


# --- word-names at the start of a sentence, initials, place links (blind3 misses) ----------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace was lovely at reception.", "[NAME] was lovely at reception."),
        ("Will was so patient tonight.", "[NAME] was so patient tonight."),
        ("Grace was the only one who understood.", "[NAME] was the only one who understood."),
        ("Will sent me a photo of the dog.", "[NAME] sent me a photo of the dog."),
    ],
)
def test_a_word_name_described_like_a_person_is_a_name(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hope was all I had left.",
        "Hope came back slowly this week.",
        "Summer was lovely, we went to the coast.",
        "Joy is a strange visitor.",
        "Grace period ends on Friday.",
        "Mark my words, it will work out.",
        "May I be kind to myself today.",
    ],
)
def test_a_word_name_used_as_a_word_stays(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


def test_a_question_keeps_its_word_even_when_the_same_word_is_a_name_later(anon: Anonymiser) -> None:
    text = "Will I ever stop flinching? Will said I'm allowed to hate it."
    assert scrub(anon, text) == "Will I ever stop flinching? [NAME] said I'm allowed to hate it."


def test_an_everyday_word_joined_to_a_name_is_not_spread_to_other_sentences(anon: Anonymiser) -> None:
    text = "Letter from St Mary's Hospital today. Hospital number is on it."
    assert scrub(anon, text) == "Letter from [ORG] today. Hospital number is on it."


def test_a_role_word_does_not_start_an_organisation(anon: Anonymiser) -> None:
    assert scrub(anon, "Physio Rhys showed me the model pelvis.") == "Physio [NAME] showed me the model pelvis."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J came round and we watched telly.", "[NAME] came round and we watched telly."),
        ("I told K about it.", "I told [NAME] about it."),
        ("M and I tried again.", "[NAME] and I tried again."),
        ("Dr S said it was normal.", "Dr [NAME] said it was normal."),
        ("J's flat is tiny.", "[NAME]'s flat is tiny."),
    ],
)
def test_a_lone_initial_standing_for_a_person_is_a_name(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Plan B is to try again tomorrow.", "Vitamin D helps, apparently.", "Q and A at the group was useful.",
     "A and E was packed.", "Option B was the gentler one.", "I went to bed early."],
)
def test_letters_that_are_not_people_stay(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her hen do is in Newcastle upon Tyne.", "Her hen do is in [PLACE]."),
        ("We drove through Frankfurt am Main.", "We drove through [PLACE]."),
        ("Stoke on Trent again for work.", "[PLACE] again for work."),
    ],
)
def test_a_place_joined_to_its_second_part_is_one_place(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


def test_a_place_followed_by_a_day_or_month_is_only_the_place(anon: Anonymiser) -> None:
    assert scrub(anon, "Leeds on Saturday, Leeds in March.") == "[PLACE] on Saturday, [PLACE] in March."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mum's birthday is 12/04 this year.", "Mum's birthday is [DATE] this year."),
        ("Appointment 14/3 at ten.", "Appointment [DATE] at ten."),
        ("Booked for 3/4, fingers crossed.", "Booked for [DATE], fingers crossed."),
    ],
)
def test_a_day_and_month_is_a_date(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Anxiety 7/10 before and 3/10 after.", "Half the dose, 1/2 a tablet.", "Support 24/7 apparently.", "Size 3/5 done."],
)
def test_ratings_and_fractions_are_not_dates(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


def test_australian_address_unit_number_and_state_postcode(anon: Anonymiser) -> None:
    text = "Her new place is Unit 4/27 Brunswick Street, Fitzroy VIC 3065 now."
    out = scrub(anon, text)
    assert "[ADDRESS]" in out and "[POSTCODE]" in out
    assert not re.search(r"\d|Unit|Brunswick|Fitzroy", out)
    assert "VIC" in out  # the state is as wide as a region: no need to hide it


@pytest.mark.parametrize("name", ["anonymise_blind3.jsonl", "anonymise_blind4.jsonl"])
def test_new_blind_set_keeps_its_recall_and_word_floor(name: str) -> None:
    """blind3 and blind4 were written before the code was read and fixed with general rules; keep them whole."""
    report = evaluate(load(DATA / name), Anonymiser().find)
    assert report.recall("NAME", "PLACE") >= 0.98
    assert report.recall() >= 0.98
    assert report.word_survival >= 0.97


# --- leaks found by a new user (issue 7) ---------------------------------------------------------

def test_an_id_followed_by_an_address_leaves_no_digit_of_either(anon: Anonymiser) -> None:
    assert scrub(anon, "NHS number 943 476 5919, 10 Downing Street") == "NHS number [ID], [ADDRESS]"


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5919 10 Downing Street",
        "booking reference 0412 7789 3156 12 Mill Lane",
        "member number 7730 4418 2, 4/27 Brunswick Street",
    ],
)
def test_overlapping_identifiers_leave_no_digit(anon: Anonymiser, text: str) -> None:
    assert not re.search(r"\d", scrub(anon, text))


def test_what_a_longer_finding_leaves_of_a_shorter_one_is_still_hidden() -> None:
    from thoughtwork.export.anonymiser import resolve
    from thoughtwork.export.patterns import Span

    text = "NHS number 943 476 5919, 10 Downing Street"
    spans = resolve(text, [Span(11, 23, "ID"), Span(19, 42, "ADDRESS")])
    assert [text[s.start : s.end] for s in spans] == ["943 476", "5919, 10 Downing Street"]
    # A digit-shaped finding's leftover without a digit ("on" of "on 2nd") identifies nothing.
    text = "Hospital on 2nd Feb"
    spans = resolve(text, [Span(9, 15, "ID"), Span(12, 19, "DATE")])
    assert [text[s.start : s.end] for s in spans] == ["2nd Feb"]


def test_a_date_and_time_after_hospital_is_not_an_id(anon: Anonymiser) -> None:
    assert scrub(anon, "Appt at Whipps Cross Hospital 14/3 10.15am.") == "Appt at [ORG] [DATE] 10.15am."
    assert scrub(anon, "Hospital no. K0098123") == "Hospital no. [ID]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u001b[31mSam\u001b[0m", "[NAME]"),
        ("I met \u001b[1mPriya\u001b[0m at \u001b[4m12 Baker Street\u001b[0m", "I met [NAME] at [ADDRESS]"),
        ("\u001b]0;Priya\u0007title gone", "title gone"),
        ("Pri\u200bya rang", "[NAME] rang"),
        ("Sam\u0007 came", "[NAME]\u2407 came"),
    ],
)
def test_escape_sequences_and_control_characters_do_not_hide_names(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(["\u001b", "[", "]", "0", "1", "m", ";", "\u0007", "\u009b", "\r", " ", "a"]), max_size=40))
def test_scrubbed_text_never_carries_control_characters(noise: str) -> None:
    result = _fuzz_anonymiser().scrub(f"{noise} Sam {noise} said {noise}")
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in result.text)
    assert "Sam" not in result.text


# --- generalising from blind4's misses: introductions, word-names as words, inflections --------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faith from work covered my shift.", "[NAME] from work covered my shift."),
        ("Joy at the pharmacy didn't blink.", "[NAME] at the pharmacy didn't blink."),
        ("Precious at church asked about kids.", "[NAME] at church asked about kids."),
        ("Sunny is my brother-in-law.", "[NAME] is my brother-in-law."),
        ("Grace was my best friend at school.", "[NAME] was my best friend at school."),
        ("Next of kin: Aled Pritchard.", "Next of kin: [NAME]."),
    ],
)
def test_a_word_name_introduced_as_someone_is_a_name(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Faith in myself is low this week.",
        "Joy at seeing size 3 go in.",
        "Hope is my anchor these days.",
        "Will from the start I knew it would be fine.",
        "Frank conversation with my partner tonight.",
        "We had a frank talk and sandy toes after.",
        "Gynae said it looks healthy. Hep B jab booked.",
        "Yes, I did it. Difficulties are part of it.",
    ],
)
def test_word_names_and_clinical_shorthand_used_as_words_stay(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


def test_a_lowercase_word_name_after_a_cue_verb_is_a_name(anon: Anonymiser) -> None:
    assert scrub(anon, "i told frank everything") == "i told [NAME] everything"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is at Level 2, 100 Victoria Street, near the station.", "It is at [ADDRESS], near the station."),
        ("Send it to 418 Bergen Street, Apt 3R, please.", "Send it to [ADDRESS], please."),
        ("Flat 3, 27 Mill Lane is home now.", "[ADDRESS] is home now."),
        ("The office is 88 Queen St W, Suite 1200.", "The office is [ADDRESS]."),
        ("at 5 Main St #4 today", "at [ADDRESS] today"),
        ("Building 4, 1 Science Park Drive again", "[ADDRESS] again"),
        ("We're at 12 harbour esplanade for the week", "We're at [ADDRESS] for the week"),
    ],
)
def test_addresses_keep_their_unit_before_or_after_the_street(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I did 10 laps of the park way too fast.",
        "Walked 3 miles down the road, then home.",
        "Only 2 flat days this week, floor exercises 3 times.",
    ],
)
def test_numbers_before_everyday_words_are_not_addresses(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A weekend in the Lake District with no agenda.", "A weekend in the [PLACE] with no agenda."),
        ("We walked in the North York Moors.", "We walked in the [PLACE]."),
        ("A cabin near Lake Tahoe.", "A cabin near [PLACE]."),
        ("A holiday on the Isle of Wight.", "A holiday on the [PLACE]."),
        ("moved to the bury st edmunds branch", "moved to the [PLACE] branch"),
        ("i live in west bromwich now", "i live in [PLACE] now"),
        ("We flew to Long Beach.", "We flew to [PLACE]."),
    ],
)
def test_places_made_of_everyday_words_or_written_in_lower_case(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize("text", ["a long beach walk at sunset", "my island of calm", "back to the old harbour bay walk"])
def test_a_town_named_in_everyday_words_needs_its_capitals(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appointment Tues 4/11 at ten.", "Appointment Tues [DATE] at ten."),
        ("Seen on Weds 3/2 by the nurse.", "Seen on Weds [DATE] by the nurse."),
        ("The clinic is on 0345 600 3344 ext 212.", "The clinic is on [PHONE]."),
        ("It is at 5-7 Rue de la Paix now.", "It is at [ADDRESS] now."),
        ("Address: 3-12-1 Shibuya, Tokyo.", "Address: [ADDRESS] [NAME], [PLACE]."),
        ("Card ending 4412 was declined.", "Card ending [ID] was declined."),
        ("Flight BA 287 home.", "Flight [ID] home."),
        ("ul. Zielona 8/12, then left", "[ADDRESS], then left"),
    ],
)
def test_more_shapes_of_dates_phones_ids_and_addresses(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize("text", ["rated it 7/10 on Tues", "a card 2 days late is fine", "a flight of 12 stairs"])
def test_numbers_near_those_cues_that_identify_nothing_stay(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pip came round after work.", "[NAME] came round after work."),
        ("Bean popped round with cake.", "[NAME] popped round with cake."),
        ("Grace stopped by to check on me.", "[NAME] stopped by to check on me."),
        ("Moss dropped by.", "[NAME] dropped by."),
    ],
)
def test_someone_who_comes_round_is_someone_even_when_their_name_is_a_word(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Panic came over me.",
        "Sleep came in the end.",
        "Rain came by evening.",
        "Christmas came round again.",
        "Bedtime came round too fast.",
        "Everyone came round eventually.",
        "Nobody popped in.",
        "Dad came round.",
    ],
)
def test_feelings_seasons_and_pronouns_that_come_round_stay(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


# --- the plain-sentence shortcut must never change what is found -------------------------------

_SHORTCUT_WORDS = [
    "it", "hurt", "and", "I", "cried", "The", "Today", "my", "friend", "Lovely", "Dr", "nurse", "Grace", "said",
    "from", "work", "Lake", "District", "new", "york", "west", "bromwich", "Physio's", "Mum", "OK", "J", "It's",
    "Street", "Mill", "Lane", "in", "was", "so", "kind", "Hospital", "deshawn", "told", "frank", "Long", "Beach",
    "Pip's", "Partner's", "parents", "mum", "Ivy", "came", "over", "who", "Pip", "round", "popped", "Bedtime",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SHORTCUT_WORDS), st.sampled_from([" ", " ", ". ", ", ", "'s ", "\n"])), max_size=12))
def test_the_plain_sentence_shortcut_finds_what_judging_every_word_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    shortcut, judged = _shortcut_pair()
    assert shortcut.find(text) == judged.find(text)


@lru_cache(maxsize=1)
def _shortcut_pair() -> tuple[Anonymiser, Anonymiser]:
    shortcut, judged = Anonymiser(), Anonymiser()
    judged.names._all_plain = lambda words: False  # every word judged in context
    return shortcut, judged


def test_the_plain_sentence_shortcut_is_taken_for_plain_sentences() -> None:
    finder = Anonymiser().names
    assert finder._all_plain(["It", "hurt", "and", "I", "cried", "at", "the", "physio's"])
    assert not finder._all_plain(["my", "friend", "Lovely", "came"])
    assert not finder._all_plain(["i", "live", "in", "west", "bromwich"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace came over with flowers.", "[NAME] came over with flowers."),
        ("Joy works with me on Tuesdays.", "[NAME] works with me on Tuesdays."),
        ("Ivy, my neighbour, brought soup.", "[NAME], my neighbour, brought soup."),
        ("Rose, my oldest friend, knows.", "[NAME], my oldest friend, knows."),
        ("Rose, who runs the group, was kind.", "[NAME], who runs the group, was kind."),
    ],
)
def test_a_word_name_doing_what_people_do_is_a_name(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize("text", ["Hope came back today.", "Hope, my anchor, is fragile.", "Faith works in mysterious ways."])
def test_a_word_name_doing_what_feelings_do_stays(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flat 5B, Sai Apartments, MG Road", "[ADDRESS], [PLACE], [ADDRESS]"),
        ("we moved to apt 4b last year", "we moved to [ADDRESS] last year"),
        ("Apartment 12, Dublin 8.", "[ADDRESS], [PLACE] [POSTCODE]."),
    ],
)
def test_a_home_unit_and_a_dublin_district_are_hidden_without_a_street(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize("text", ["a flat 5 minutes away", "Unit 4 at the hospital", "Room 12 was cold"])
def test_flat_numbers_that_are_not_homes_stay(anon: Anonymiser, text: str) -> None:
    assert scrub(anon, text) == text


def test_a_capitalised_word_with_a_family_is_someone(anon: Anonymiser) -> None:
    assert scrub(anon, "Back from Cornwall. Pip's parents were there.") == "Back from [PLACE]. [NAME]'s parents were there."
    assert scrub(anon, "We stayed at Bean's mum's.") == "We stayed at [NAME]'s mum's."
    assert scrub(anon, "Partner's cousin came. Mum's sister too.") == "Partner's cousin came. Mum's sister too."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I went with Bean to the clinic.", "I went with [NAME] to the clinic."),
        ("I told Pip about it.", "I told [NAME] about it."),
        ("I miss Bear so much.", "I miss [NAME] so much."),
    ],
)
def test_a_capitalised_everyday_word_after_a_cue_is_a_name(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


def test_the_same_cue_before_a_lowercase_word_changes_nothing(anon: Anonymiser) -> None:
    assert scrub(anon, "I went with pain and told no one.") == "I went with pain and told no one."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the physio at Unit 7, 45 Kloof Street, Gardens, 8001 twice", "the physio at [ADDRESS], [PLACE], [POSTCODE] twice"),
        ("Write to PO Box 4412, Wellington 6140. Done.", "Write to [ADDRESS], [PLACE] [POSTCODE]. Done."),
        ("She lives at Rua Augusta 152, 3\u00ba Esq, Porto.", "She lives at [ADDRESS], [ADDRESS], [PLACE]."),
        ("Flat 2, 14 Mill Road, 2nd Floor, Leeds.", "[ADDRESS], [ADDRESS], [PLACE]."),
    ],
)
def test_the_parts_after_a_street_address_are_hidden_with_it(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We live at 12 Baker Street, Monday to Friday.", "We live at [ADDRESS], Monday to Friday."),
        ("at 5 Mill Lane, I cried", "at [ADDRESS], I cried"),
        ("at 5 Mill Lane, and then home", "at [ADDRESS], and then home"),
    ],
)
def test_what_follows_an_address_that_is_not_part_of_it_stays(anon: Anonymiser, text: str, expected: str) -> None:
    assert scrub(anon, text) == expected


# --- issue 16: blind sets from helpers who never read the code (Europe and Latin America; Asia,
# Africa, the Middle East and the English-speaking world). First pass: blind7 78.9% of identifiers,
# 94.8% names+places, 95.6% words kept; blind8 83.7% / 93.8% / 97.9%. Floors a little under today's.

@pytest.mark.parametrize(
    ("name", "everything", "names_places", "words_kept"),
    [("anonymise_blind7.jsonl", 0.96, 0.96, 0.98), ("anonymise_blind8.jsonl", 0.975, 0.975, 0.99)],
)
def test_world_blind_sets_keep_their_floors(name: str, everything: float, names_places: float, words_kept: float) -> None:
    report = evaluate(load(DATA / name), Anonymiser().find)
    assert report.recall("EMAIL", "PHONE", "URL", "ID", "HANDLE") == 1.0, report.misses
    assert report.recall("DATE") == 1.0, report.misses
    assert report.recall() >= everything, report.misses
    assert report.recall("NAME", "PLACE") >= names_places, report.misses
    assert report.word_survival >= words_kept, report.over[:20]


def test_third_world_blind_set_keeps_its_first_unseen_figure() -> None:
    """blind9 was written while issue 16 was being fixed and measured once, after the fixes, never
    tuned on: 195 of 238 identifiers (81.9%), 103 of 116 names and places, 98.5% of other words.
    Its floors are that first figure."""
    report = evaluate(load(DATA / "anonymise_blind9.jsonl"), Anonymiser().find)
    assert report.recall() >= 195 / 238, report.misses
    assert report.recall("NAME", "PLACE") >= 103 / 116, report.misses
    assert report.recall("EMAIL", "PHONE", "URL", "HANDLE") == 1.0, report.misses
    assert report.word_survival >= 0.984, report.over[:20]


def test_fourth_world_blind_set_keeps_its_first_unseen_figure() -> None:
    """blind10 was written by a fourth helper who never read the code, while the second round of
    issue 16 was being made, and measured once after it: 219 of 243 identifiers (90.1%), 94 of 101
    names and places, 1,345 of 1,405 other words (95.7%). Its floors are that first figure."""
    report = evaluate(load(DATA / "anonymise_blind10.jsonl"), Anonymiser().find)
    assert report.recall() >= 219 / 243, report.misses
    assert report.recall("NAME", "PLACE") >= 94 / 101, report.misses
    assert report.recall("EMAIL", "PHONE", "URL", "HANDLE") == 1.0, report.misses
    assert report.word_survival >= 1345 / 1405, report.over[:20]
