"""Constructions the matcher must read the same way whatever the wording or typing style (issue 3):
clauses in unpunctuated text, beliefs held about oneself, questions that state, and balanced
thoughts that share a trap's words."""

from __future__ import annotations

import pytest

from thoughtwork.nlp import analyse
from thoughtwork.nlp.context import Context
from thoughtwork.nlp.pipeline import analyse_rules, load_pipeline, prepare
from thoughtwork.nlp.rules import PatternError, _spec, lexicons


def ids(text: str) -> set[str]:
    """What the rules alone find: these tests hold the rules' own reading of context (the whole
    finder, with its learned model, is judged on labelled sets in test_trap_model.py)."""
    return {match.id.value for match in analyse_rules(text).distortions}


def test_a_not_stays_in_its_clause_when_there_are_no_commas():
    assert ids("she hasnt replied she must be angry with me") == {"mind_reading"}
    assert ids("he didnt call i must be such a burden") >= {"labeling"}


@pytest.mark.parametrize(
    "text",
    ["i dont think hes angry with me", "I don't believe I'm a failure", "im not sure she thinks im boring"],
)
def test_a_not_before_a_verb_of_thinking_still_reaches_the_subject_after_it(text):
    assert ids(text) == set()


def test_clause_starts_come_from_subject_pronouns_only_outside_clause_takers():
    doc = load_pipeline().make_doc(prepare("she hasnt replied she must be angry"))
    context = Context(doc)
    second_she = [token.i for token in doc if token.lower_ == "she"][1]
    assert context.clause_start[second_she] == second_she
    kept = load_pipeline().make_doc(prepare("i dont think he is angry"))
    assert Context(kept).clause_start[3] == 0


@pytest.mark.parametrize(
    "text",
    ["I think I'm broken.", "i'm starting to believe im unlovable", "I honestly think I'm not normal."],
)
def test_a_label_held_as_a_belief_about_oneself_is_labeling(text):
    assert "labeling" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't think I'm broken.",
        "I used to think I was broken.",
        "Sometimes I think I'm a failure, but that's a thought, not a fact.",
    ],
)
def test_a_label_doubted_or_left_behind_is_not_labeling(text):
    assert "labeling" not in ids(text)


def test_a_label_in_someone_elses_head_is_mind_reading_not_labeling():
    assert ids("My in-laws think I am not a good wife.") == {"mind_reading"}
    assert ids("I know he thinks I'm stupid.") >= {"mind_reading"}
    assert "labeling" not in ids("I know he thinks I'm stupid.")


def test_claiming_to_know_a_feeling_is_mind_reading_but_not_knowing_is_not():
    assert "mind_reading" in ids("I know deep down he's resentful.")
    assert ids("I don't know if he's resentful, I'll ask him.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He must be tired after his night shift.", set()),
        ("My physio must have seen this many times.", set()),
        ("He must be tired of me.", {"mind_reading"}),
        ("He's had enough of me.", {"mind_reading"}),
    ],
)
def test_a_guess_at_an_ordinary_state_is_not_mind_reading(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Am I the only one who can't use a tampon?", {"comparing"}),
        ("Is it just me or is everyone else having normal sex?", {"comparing"}),
        ("Does anyone else get nervous before a smear test?", set()),
    ],
)
def test_a_question_that_states_the_askers_belief_counts_in_full(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    "trap, balanced, kind",
    [
        ("It was my fault I forgot the appointment.", "It was my fault I forgot the appointment, so I rebooked it.", "personalization"),
        ("It hurts every time.", "It hurts less every time I practise.", "overgeneralization"),
        ("Compared to my friends, I'm a mess.", "Compared to last month, I'm much calmer.", "comparing"),
        ("I blame myself.", "I blamed myself at first, but it's not my fault.", "personalization"),
        ("All my friends have babies and I can't even use a tampon.", "All my friends have been supportive.", "comparing"),
    ],
)
def test_a_balanced_answer_that_shares_the_traps_words_is_not_labelled(trap, balanced, kind):
    assert kind in ids(trap)
    assert kind not in ids(balanced)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("whats even the point of trying", "all_or_nothing"),
        ("I cried halfway through, so it was a failure.", "all_or_nothing"),
        ("I missed a week and now all my progress is gone.", "all_or_nothing"),
        ("One rude comment and the whole evening felt awful.", "mental_filter"),
        ("It's the bad days that count.", "mental_filter"),
        ("it stings so it must mean something is damaged", "emotional_reasoning"),
        ("This whole mess is all my father's doing.", "blaming"),
        ("I'll always be the weird one.", "labeling"),
        ("I'm the only person in my family who's a failure.", "labeling"),
    ],
)
def test_new_constructions(text, expected):
    assert expected in ids(text)


def test_a_body_signal_with_a_balanced_reading_is_not_emotional_reasoning():
    assert ids("It stings, which means I should slow down.") == set()
    assert "emotional_reasoning" not in ids("It feels tight, which means nothing is wrong, it's normal.")


def test_unless_nearby_must_name_known_words():
    raw = {"id": "x", "score": 0.5, "why": "test", "tokens": ["fault"], "unless_nearby": "@no_such_list"}
    with pytest.raises(PatternError):
        _spec("personalization", raw, lexicons())


def test_not_before_phrases_are_cut_like_the_text_with_or_without_apostrophes():
    from thoughtwork.nlp.rules import phrases

    assert phrases(["i'm tired"]) == (("i", "'m", "tired"), ("i", "m", "tired"))
    assert ("ca", "n't", "wait") in phrases(["can't wait"])
    assert ("it", "does", "n't", "hurt") in phrases(["it doesn't hurt"])


def test_a_reassuring_reading_of_a_sensation_is_not_a_trap():
    assert ids("It feels tight, which means nothing is wrong.") == set()
    assert ids("The tension means nothing is wrong.") == set()
    assert "discounting_positive" in ids("My progress means nothing.")


def test_a_hyphen_inside_a_word_is_not_a_clause_break_but_a_standing_dash_is():
    assert "mind_reading" in ids("My mother-in-law thinks I'm a failure as a wife.")
    assert "mind_reading" in ids("My in-laws think I am not a good wife.")
    assert "labeling" in ids("I'm such a let-down.")
    assert ids("I'm not scared - I'm ready.") == set()
    assert "labeling" in ids("I'm not scared - I'm pathetic.")


def test_a_standing_hyphen_becomes_a_dash_without_moving_offsets():
    text = "It hurt - so I'll never try again"
    prepared = prepare(text)
    assert len(prepared) == len(text)
    assert prepared[8] == "\u2014"
    match = next(m for m in analyse(text).distortions if m.id.value == "fortune_telling")
    assert all(text[e.start : e.end] == e.text for e in match.evidence)
    assert prepare("self-conscious") == "self-conscious"


@pytest.mark.parametrize(
    "text",
    [
        "everyone at the group was really nice to me",
        "I must admit the session went better than expected.",
        "I have to be at work at nine tomorrow.",
        "My friends are all different and that's fine.",
        "It was a disaster of a day at work, but I handled it.",
        "I'm a bit useless at cooking but I enjoy it.",
        "I'm kind of hopeless at drawing, but it's fun.",
        "I used to think I was the only one.",
        "i never skip my exercises anymore",
    ],
)
def test_everyday_uses_of_trap_words_get_no_label(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My partner is really angry with me.", "mind_reading"),
        ("I have to be perfect.", "should_statements"),
        ("I'm useless at everything.", "labeling"),
        ("It's going to be a total disaster.", "catastrophizing"),
        ("I'm the only one who can't do this.", "comparing"),
    ],
)
def test_the_traps_behind_those_words_are_still_found(text, expected):
    assert expected in ids(text)


def test_its_typed_for_it_is_reads_as_it_is():
    assert "catastrophizing" in ids("its hopeless")
    assert "personalization" in ids("its all my fault")
    assert ids("my body is doing its best") == set()


def test_a_feeling_given_as_the_forecast_is_emotional_reasoning():
    found = ids("I'm nervous, so something awful is going to happen.")
    assert {"emotional_reasoning", "fortune_telling"} <= found
    assert ids("I'm nervous, so I'll ask the nurse to explain each step.") == set()
    assert "fortune_telling" not in ids("The pain is a sign that something terrible is happening.")


@pytest.mark.parametrize(
    "text",
    [
        "They praised my work, but they praise everyone.",
        "Sure, I did it once. That doesn't make me any better.",
    ],
)
def test_praise_and_steps_explained_away_are_discounting(text):
    assert "discounting_positive" in ids(text)


@pytest.mark.parametrize(
    "text",
    ["It doesn't make me any less of a woman.", "What if it gets easier with practice?", "The nurse thanked everyone for coming."],
)
def test_the_balanced_answers_to_those_traps_get_no_label(text):
    assert ids(text) == set()


def test_a_feared_body_reaction_in_the_future_is_catastrophising():
    assert "catastrophizing" in ids("If I panic, I'll have a heart attack.")


def test_a_mistake_needs_a_verdict_to_be_all_or_nothing():
    assert "all_or_nothing" in ids("One slip and the whole week is wasted.")
    assert "all_or_nothing" in ids("A single mistake means I've failed.")
    assert "all_or_nothing" not in ids("I made a mistake and said sorry.")


@pytest.mark.parametrize(
    "text",
    ["Every morning I do my breathing, it is good for me.", "We never rush, and that helps.", "Nobody at the clinic made me feel bad."],
)
def test_routines_and_kind_treatment_get_no_label(text):
    assert ids(text) == set()


def test_every_and_made_me_still_catch_the_painful_versions():
    assert "overgeneralization" in ids("Every man I date leaves me.")
    assert "blaming" in ids("The clinic made me feel like a freak.")


def test_escape_codes_and_controls_do_not_hide_a_trap_or_move_its_evidence():
    text = "\x1b[31mI must\x1b[0m be perfect\u202e."
    assert len(prepare(text)) == len(text)
    match = next(m for m in analyse(text).distortions if m.id.value == "should_statements")
    assert [text[e.start : e.end] for e in match.evidence] == [e.text for e in match.evidence]
    assert "must" in match.evidence[0].text


@pytest.mark.parametrize(
    "text",
    [
        "If sex doesn't work this weekend then the whole relationship is over.",
        "If I don't pass first time, my year is wasted.",
        "If I'm not completely pain-free it doesn't count as progress.",
        "The evening was a total disaster.",
    ],
)
def test_a_bar_not_met_scored_as_everything_lost_is_all_or_nothing(text):
    assert "all_or_nothing" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "If it doesn't work tonight, it's not over, we can try again.",
        "If I'm not completely relaxed, I can stop.",
        "If I'm not fully healed, it still counts as progress.",
        "If it doesn't work, my day isn't ruined.",
    ],
)
def test_a_bar_not_met_with_a_kind_verdict_is_no_trap(text):
    assert ids(text) == set()


@pytest.mark.parametrize("text", ["This is a total disaster and I can't cope.", "It's going to be a complete disaster."])
def test_a_disaster_dreaded_now_or_ahead_is_catastrophising_not_all_or_nothing(text):
    found = ids(text)
    assert "catastrophizing" in found
    assert "all_or_nothing" not in found


def test_nothing_but_a_label_is_labeling_not_all_or_nothing():
    assert ids("I'm nothing but a burden to him.") == {"labeling"}
    assert "all_or_nothing" in ids("If I'm not the best, I'm nothing.")
    assert ids("I'm nothing but grateful for his patience.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "We had a lovely night but it hurt for a second so the night is ruined.",
        "The meal was lovely but the dessert was burnt, so the evening was spoiled.",
        "The waiter was rude, so the whole evening was ruined.",
        "One rude customer made the whole shift terrible.",
    ],
)
def test_an_experience_spoilt_by_one_part_is_mental_filter_not_all_or_nothing(text):
    found = ids(text)
    assert "mental_filter" in found
    assert "all_or_nothing" not in found


@pytest.mark.parametrize(
    "text", ["One slip and the whole week is wasted.", "one mistake and the whole thing is ruined", "If I don't pass first time, my whole year is wasted."]
)
def test_a_plan_or_a_stretch_of_effort_counted_as_lost_is_all_or_nothing_not_mental_filter(text):
    found = ids(text)
    assert "all_or_nothing" in found
    assert "mental_filter" not in found


@pytest.mark.parametrize(
    "text",
    ["It rained, so the day was ruined.", "The appointment was hard but I went, so the day was awful at first but got better."],
)
def test_a_verdict_on_an_experience_without_good_set_aside_is_no_mental_filter(text):
    assert "mental_filter" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Because I'm scared, it must be dangerous.",
        "I feel guilty, so I must have done something bad.",
        "I'm ashamed, which means I've done something bad.",
    ],
)
def test_a_conclusion_drawn_from_fear_or_shame_is_emotional_reasoning_not_personalisation(text):
    assert ids(text) == {"emotional_reasoning"}


def test_a_feeling_given_as_the_cause_of_what_went_wrong_is_still_personalisation():
    assert "personalization" in ids("The dinner went badly because I was nervous.")


@pytest.mark.parametrize(
    "text",
    ["He got quiet at dinner, it must be something I did.", "My partner is moody tonight. It must be something I did."],
)
def test_someones_mood_put_down_to_something_i_did_is_personalisation(text):
    assert "personalization" in ids(text)


@pytest.mark.parametrize(
    "text",
    ["I feel sick, it must be something I ate.", "Asking for help is something I do now.", "Going to the physio was something I did for myself."],
)
def test_something_i_did_that_explains_no_ones_mood_is_no_trap(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text",
    ["He's only staying with me out of pity.", "He only stays because he feels guilty.", "My friends only hang out with me because they feel sorry for me."],
)
def test_a_hidden_motive_for_staying_with_me_is_mind_reading_not_discounting(text):
    assert ids(text) == {"mind_reading"}


def test_praise_explained_away_by_pity_is_still_discounting():
    assert "discounting_positive" in ids("They complimented me out of pity.")


@pytest.mark.parametrize("text", ["I feel broken, so I must actually be broken.", "I feel so useless, I must actually be useless."])
def test_a_must_of_certainty_is_a_conclusion_not_a_should(text):
    assert "should_statements" not in ids(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ten good days don't matter, yesterday was awful and that's what counts.", "mental_filter"),
        ("My appraisal had one negative point and I can't think about anything else.", "mental_filter"),
        ("Had a good session yesterday but today one twinge and I'm back to square one", "all_or_nothing"),
    ],
)
def test_one_bad_part_named_as_all_that_counts_is_found(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was awful, but I showed up, and that's what counts.",
        "I was so absorbed in the film I couldn't think about anything else.",
        "One setback doesn't put me back to square one.",
    ],
)
def test_the_balanced_answers_to_one_bad_part_get_no_label(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I won't be able to cope with the appointment.", {"catastrophizing", "fortune_telling"}),
        ("If the smear test hurts I will pass out and humiliate myself.", {"catastrophizing", "fortune_telling"}),
        ("The pain is going to rip me apart.", {"catastrophizing", "fortune_telling"}),
    ],
)
def test_the_worst_foretold_as_certain_is_catastrophising_and_fortune_telling(text, expected):
    assert expected <= ids(text)


@pytest.mark.parametrize("text", ["I'll be able to cope with support.", "I'll pass out the leaflets at the group."])
def test_coping_and_handing_things_out_are_no_forecast_of_the_worst(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text",
    ["I feel unattractive, so he must not want me.", "I feel disgusting, which means my partner must see me that way too."],
)
def test_a_feeling_word_after_i_feel_is_a_feeling_not_a_label(text):
    assert "labeling" not in ids(text)


@pytest.mark.parametrize(
    "text",
    ["I feel defective.", "I feel like a failure, so I must be one.", "I feel broken, so I must actually be broken.", "I'm ugly."],
)
def test_a_label_claimed_as_what_i_am_is_still_labeling(text):
    assert "labeling" in ids(text)


def test_a_lexicon_difference_keeps_the_words_of_the_first_list_only():
    from thoughtwork.nlp.rules import _words

    words = lexicons()
    difference = _words("@labels-@emotions", words)
    assert "defective" in difference
    assert "unattractive" in words["labels"] and "unattractive" not in difference
    with pytest.raises(PatternError):
        _words("@labels-@no_such_list", words)


@pytest.mark.parametrize(
    "text",
    [
        "I was rejected once, I'll be rejected again and again.",
        "The new treatment is going to fail like the others.",
        "Time after time I've been dismissed by doctors.",
    ],
)
def test_one_painful_time_filed_as_one_more_of_a_series_is_overgeneralising(text):
    assert "overgeneralization" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is normal to feel sad, and the sad day will pass like the others.",
        "I practise again and again and it gets easier.",
        "It hurts less thanks to my physio.",
    ],
)
def test_a_series_of_easings_or_practice_is_no_overgeneralising(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Every appointment ends with me in tears.", "overgeneralization"),
        ("I got a B on the essay. That basically means I failed.", "all_or_nothing"),
    ],
)
def test_all_of_a_kind_summed_up_and_less_than_top_counted_as_failing(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text", ["Every session ends with a cup of tea.", "It means I failed the test, and I can retake it.", "That doesn't mean I failed."]
)
def test_a_routine_ending_and_a_plain_fact_of_failing_get_no_label(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "My mum never talked about sex, that's why I'm like this",
        "My dad never talked about bodies thats why im like this",
        "Nobody ever explained my body to me, which is why I'm so scared of it.",
        "I never learned anything about my body at school, no wonder I'm nervous.",
    ],
)
def test_a_past_fact_given_as_a_cause_is_not_overgeneralising(text):
    assert "overgeneralization" not in ids(text)


@pytest.mark.parametrize(
    "text", ["I never get anything right, that's why I'm single.", "My partner never listens, that's why I'm upset."]
)
def test_a_present_habit_given_as_a_cause_is_still_overgeneralising(text):
    assert "overgeneralization" in ids(text)


@pytest.mark.parametrize(
    "text", ["I'll probably never ever be normal", "I'll probably never be normal.", "I will definitely never enjoy sex."]
)
def test_a_forecast_with_a_word_of_likelihood_or_a_stressed_never_is_fortune_telling(text):
    found = ids(text)
    assert "fortune_telling" in found
    assert "overgeneralization" not in found


@pytest.mark.parametrize("text", ["Nobody will ever want me", "No one is ever going to love me."])
def test_every_person_for_all_time_is_overgeneralising_and_fortune_telling(text):
    assert {"overgeneralization", "fortune_telling"} <= ids(text)


def test_all_time_without_all_people_stays_fortune_telling_only():
    assert ids("Nothing will ever change for me.") == {"fortune_telling"}


@pytest.mark.parametrize(
    "text",
    [
        "The doctor said it's all in my head so I must be making it up",
        "I'm just making it all up.",
        "I must be imagining the pain.",
        "I'm probably just exaggerating how much it hurts.",
    ],
)
def test_real_pain_dismissed_as_my_own_invention_is_personalisation(text):
    assert ids(text) == {"personalization"}


@pytest.mark.parametrize(
    "text",
    [
        "I'm not making it up, the pain is real.",
        "I'm just imagining a calm beach while I breathe.",
        "I'm just making it up as I go and that's okay.",
    ],
)
def test_pain_owned_as_real_or_imagining_as_practice_gets_no_label(text):
    assert ids(text) == set()


@pytest.mark.parametrize("text", ["he will leave me because I'm broken", "He'll leave me because I'm so broken."])
def test_a_label_given_as_the_reason_for_a_forecast_is_labeling_and_fortune_telling(text):
    assert ids(text) == {"fortune_telling", "labeling"}


def test_a_feeling_given_as_the_reason_is_still_emotional_reasoning():
    assert "emotional_reasoning" in ids("Because I feel broken, I know he'll leave.")
    assert "emotional_reasoning" in ids("Because I'm so anxious, it will definitely hurt.")


@pytest.mark.parametrize(
    "text",
    ["I won't pass out", "I won't pass out, I'll just feel a bit dizzy.", "I won't have a panic attack if I breathe slowly.", "I won't feel any pain with enough lube."],
)
def test_a_bad_thing_ruled_out_is_a_reassurance_not_a_forecast(text):
    assert ids(text) == set()


@pytest.mark.parametrize("text", ["It won't work out.", "I won't pass the exam.", "I won't get better."])
def test_a_good_outcome_ruled_out_is_still_fortune_telling(text):
    assert "fortune_telling" in ids(text)


def test_no_rule_that_needs_a_painful_word_is_met_by_its_own_words():
    tone = set(lexicons()["negative_tone"])
    assert tone.isdisjoint({"not", "n't", "nt", "can't", "ca", "cannot", "again", "same", "ends", "happens"})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I rescheduled because I couldn't relax.", set()),
        ("My routine is always the same.", set()),
        ("We tried again on Sunday and it was fine.", set()),
        ("It's always the same with me.", {"overgeneralization"}),
        ("He watches porn because I can't please him.", {"personalization"}),
        ("ugh. dilator day again and it'll be agony like every single time", {"overgeneralization"}),
    ],
)
def test_painful_tone_comes_from_the_sentence_not_the_rules_own_words(text, expected):
    found = ids(text)
    assert expected <= found
    if not expected:
        assert found == set()


@pytest.mark.parametrize(
    "text",
    [
        "Because I'm really scared, the exam must be dangerous.",
        "Because I'm too embarrassed, it must mean something is wrong.",
        "Because I'm very anxious, penetration must be harmful.",
    ],
)
def test_a_feeling_given_as_the_reason_stays_a_feeling_when_strengthened(text):
    # An intensifier between "I'm" and the feeling must not hide the feeling from not_before.
    assert ids(text) == {"emotional_reasoning"}


def test_a_label_given_as_the_reason_is_still_blame_taken_when_strengthened():
    assert ids("My partner is sad because I'm really useless.") >= {"personalization", "labeling"}


def test_an_intensifier_ending_its_clause_strengthens_nothing():
    assert "should_statements" in ids("Other women enjoy sex, and I should too.")


@pytest.mark.parametrize(
    "text", ["I just never get anything right.", "I really never feel relaxed during sex.", "We just never find the time to talk."]
)
def test_a_strengthened_never_about_now_is_overgeneralising_not_a_forecast(text):
    # not_after looks past "just"/"really" to the subject, so never_be_normal stands aside.
    assert ids(text) == {"overgeneralization"}


def test_a_strengthened_never_after_will_is_still_a_forecast():
    assert "fortune_telling" in ids("I'll just never be normal.")
    assert "overgeneralization" not in ids("I'll just never be normal.")


@pytest.mark.parametrize(
    "text",
    ["Nobody will ever know, and that's fine.", "Nobody will ever know", "No one will ever notice it.", "Nobody will find out if I use a dilator."],
)
def test_something_private_staying_private_is_not_a_dreaded_forecast(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text", ["Nobody will ever notice me.", "No one will ever know how much it hurts.", "Nobody will ever want me", "Nothing will ever change."]
)
def test_being_unseen_or_unloved_foretold_is_still_fortune_telling(text):
    assert "fortune_telling" in ids(text)


def test_a_thought_without_its_full_stop_ends_as_if_it_had_one():
    assert ids("Nobody will ever know") == ids("Nobody will ever know.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "My parents never really talked about sex.",
        "My friends really helped me after the appointment.",
        "He really listened to me last night.",
        "My partner really tried to understand me.",
    ],
)
def test_really_before_an_act_or_after_never_is_no_hidden_feeling(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text", ["She really thinks I'm pathetic.", "He's really annoyed with me.", "My partner secretly resents me."]
)
def test_a_feeling_claimed_as_the_real_one_is_still_mind_reading(text):
    assert "mind_reading" in ids(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I honestly never enjoy sex", {"overgeneralization"}),
        ("I literally never get it right", {"overgeneralization"}),
        ("It will basically never work", {"fortune_telling"}),
        ("I'll honestly never be normal", {"fortune_telling", "labeling"}),
    ],
)
def test_honestly_literally_basically_only_strengthen_a_never(text, expected):
    """They were words of likelihood, so 'I honestly never enjoy sex' (a habit) read as a forecast."""
    assert ids(text) == expected
