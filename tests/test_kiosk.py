from feedback.rounds.kiosk import AnswerPace


def test_answers_closer_than_the_interval_are_flagged_per_round():
    pace = AnswerPace(min_interval=3)
    assert pace.too_fast("round-a", now=100.0) is False
    assert pace.too_fast("round-a", now=101.5) is True
    assert pace.too_fast("round-b", now=101.6) is False, "another round has its own pace"
    assert pace.too_fast("round-a", now=104.6) is False
    assert pace.too_fast("round-a", now=107.5) is True
