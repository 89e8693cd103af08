"""Safety: the self-harm phrase check and the crisis lines data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoughtwork.safety import (
    DEFAULT_REGION,
    crisis_resources,
    mentions_self_harm,
    region_label,
    regions,
)

RISK = [
    "I want to kill myself",
    "Sometimes I think about suicide",
    "I feel suicidal after tonight",
    "I just want to die",
    "I wish I was dead",
    "everyone would be better off without me",
    "I don\u2019t want to be alive anymore",
    "I've been self-harming again",
    "I want to hurt myself",
    "I thought about hurting myself",
    "I keep cutting myself",
    "I want to end it all",
    "there is no point in living like this",
    "I CAN'T GO ON",
    "I want to take my own life",
    "nobody would miss me",
    "I thought about hanging myself",
]

NO_RISK = [
    "It hurt a little; I can go slower",
    "I'm scared it will hurt",
    "I might hurt myself with the dilator",
    "I'm afraid penetration will harm me",
    "I wanted to die of embarrassment",
    "My partner will leave me",
    "I will never be able to have sex",
    "There's something fundamentally wrong with me",
    "my vagina is too tight",
    "the exam killed my mood",
    "I want to end things with him",
    "",
    "   ",
]


@pytest.mark.parametrize("text", RISK)
def test_mentions_of_self_harm_are_noticed(text: str) -> None:
    assert mentions_self_harm(text)


@pytest.mark.parametrize("text", NO_RISK)
def test_everyday_fears_of_pain_are_not_alarms(text: str) -> None:
    assert not mentions_self_harm(text)


def test_regions_start_with_the_international_list() -> None:
    codes = [r.code for r in regions()]
    assert codes[0] == DEFAULT_REGION
    assert {"uk", "us", "ie", "au", "ca", "nz", "de"} <= set(codes)


def test_every_resource_names_its_source() -> None:
    for region in regions():
        for resource in region.resources:
            assert resource.source.strip(), (region.code, resource.name)
            assert resource.url.startswith("https://")


@pytest.mark.parametrize(
    ("region", "expected"),
    [("uk", "116 123"), ("us", "988"), ("ca", "988"), ("au", "13 11 14"), ("nz", "1737"), ("ie", "116 123")],
)
def test_known_numbers_are_listed_for_their_region(region: str, expected: str) -> None:
    assert any(expected in r.contact for r in crisis_resources(region))


def test_uk_lists_samaritans_and_nhs_111() -> None:
    names = [r.name for r in crisis_resources("UK")]
    assert "Samaritans" in names and "NHS 111" in names


def test_unknown_region_falls_back_to_international() -> None:
    assert crisis_resources("atlantis") == crisis_resources(DEFAULT_REGION)
    assert region_label("atlantis") == "International"
    assert any("findahelpline" in r.contact for r in crisis_resources("atlantis"))


def test_every_region_ends_with_emergency_services() -> None:
    for region in regions():
        assert "mergenc" in region.resources[-1].name, region.code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_plain_answer(text: str) -> None:
    assert mentions_self_harm(text) in (True, False)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=200))
def test_a_risky_sentence_is_noticed_wherever_it_sits(padding: str) -> None:
    assert mentions_self_harm(f"{padding} I want to kill myself {padding}")


@pytest.mark.parametrize(
    "text", ["\x1b[31mkill myself", "I want to \x1b[1mdie\x1b[0m", "\x1b]8;;https://x\x07I want to die\x1b]8;;\x07"]
)
def test_escape_codes_pasted_into_a_thought_do_not_hide_the_words(text: str) -> None:
    # The app checks the raw text of a record; an escape code used to glue onto the next word ("31mkill").
    from thoughtwork.nlp import analyse

    assert mentions_self_harm(text)
    assert analyse(text).mentions_self_harm


def test_the_language_pipeline_and_the_app_share_one_self_harm_list() -> None:
    """`analyse` sets mentions_self_harm exactly when thoughtwork.safety does."""
    from thoughtwork.nlp import analyse
    from thoughtwork.safety import mentions_self_harm

    for text in ["I just want to die", "I might hurt myself with the dilator", "It will hurt", "nobody would miss me"]:
        assert analyse(text).mentions_self_harm is mentions_self_harm(text), text


def test_analyse_command_lists_the_regions_crisis_lines(capsys, monkeypatch) -> None:
    from thoughtwork.cli.main import main

    monkeypatch.setenv("THOUGHTWORK_REGION", "uk")
    assert main(["analyse", "I want to kill myself"]) == 0
    assert "116 123" in capsys.readouterr().out


INDIRECT_RISK = [
    "honestly whats the point of me. i keep thinking about just ending it",
    "Sometimes I think my family would be better off if I just wasn't here.",
    "Maybe I take all the pills and then no more problem.",
    "Sometimes I hit myself down there because I am so angry with my body.",
    "sometimes when it gets bad i cut. i did it again last night",
    "i deserve to be hurt, like i should just let it hurt as punishment",
    "If I can't be a real wife then I'd rather be dead.",
    "I don't see why I should keep going.",
    "some days i want to take a knife to the part of me that causes all this",
    "everyone would be relieved if I just disappeared, and I've started looking up ways",
    "I've got pills saved up in case it gets worse.",
    "I've written letters to the kids.",
    "I think about walking out and never coming back. The baby would be better off with someone who isn't broken.",
    "some nights i just want to drive away and never come back",
    "I wish I could go to sleep and never wake up",
    "I want to disappear for good",
    "I won't be around much longer anyway",
    "some days i just want to stop existing",
    "honestly I'd rather not be alive than go through another year of this",
    "they'd all be happier if I just wasn't here",
    "part of me hopes that if I don't make it home tonight nobody has to deal with me",
    "what is the point of staying alive like this",
    "I keep picturing stepping in front of a train on the way to work",
    "I thought about swallowing every tablet I have",
    "I've been cutting again since Christmas",
    "I bite my hands until they bleed when it gets too much",
]
"""Ways of saying it without the words 'suicide' or 'self-harm' (from a set written by others)."""

STILL_NO_RISK = [
    "My boyfriend ended it last night and I keep spiralling",
    "I want to end things with him",
    "I cut my hair and hate it",
    "I take my pills every morning with breakfast",
    "I'm not going to punish myself forever for one bad call",
    "He'll walk out and never come back",
    "I know she'll leave and never come back",
    "I wanted to disappear when the nurse sighed",
    "Any day now I'll go to sleep and not wake up, the heart is so weak",
    "I could go forever without sex and not miss it",
    "He'd be better off with someone who isn't broken",
    "I started cutting down on sugar this month",
    "We walked into the sea at sunset and it was lovely",
    "What's the point of carrying on with the dilators if nothing changes?",
    "It would be easier if I wasn't so tense",
    "I'm so done with the whole waiting list thing",
]


@pytest.mark.parametrize("text", INDIRECT_RISK)
def test_indirect_words_for_self_harm_are_noticed(text: str) -> None:
    assert mentions_self_harm(text)


@pytest.mark.parametrize("text", STILL_NO_RISK)
def test_breakups_haircuts_and_daily_pills_are_not_alarms(text: str) -> None:
    assert not mentions_self_harm(text)


@pytest.mark.parametrize(
    ("locale", "region"),
    [("en_GB.UTF-8", "uk"), ("en_US.UTF-8", "us"), ("en_IE", "ie"), ("de_DE.UTF-8", "de"), ("fr_CA.UTF-8", "ca"),
     ("de", "de"), ("C", DEFAULT_REGION), ("", DEFAULT_REGION), ("ja_JP.UTF-8", DEFAULT_REGION)],
)
def test_the_region_is_suggested_from_the_locale(locale: str, region: str) -> None:
    from thoughtwork.safety import default_region

    assert default_region({"LANG": locale}) == region
