"""Numbers typed in the UI: read in the UI language's notation, never guessed (issue 13)."""

from decimal import Decimal

import pytest

from riskwatch.domain.numbers import TypedNumberError, format_typed_number, parse_typed_number


@pytest.mark.parametrize("text, language, expected", [
    ("1.250", "de", "1250"), ("1,25", "de", "1.25"), ("1.250,5", "de", "1250.5"), ("1250", "de", "1250"),
    ("12.345.678,9", "de", "12345678.9"), (",5", "de", "0.5"), ("1 250,5", "de", "1250.5"), ("−0,5", "de", "-0.5"),
    ("1,250", "en", "1250"), ("1.25", "en", "1.25"), ("1,250.5", "en", "1250.5"), ("1250", "en", "1250"),
    ("1,234", "de", "1.234"), ("1.234", "en", "1.234"), ("2.500", "de_DE", "2500"),
])
def test_the_ui_language_decides(text, language, expected):
    assert parse_typed_number(text, language) == Decimal(expected)


@pytest.mark.parametrize("text, language, suggestion", [
    ("1,250.5", "de", "1.250,5"), ("1.25", "de", "1,25"), (".5", "de", "0,5"), ("0.250", "de", "0,250"),
    ("1.250,5", "en", "1,250.5"), ("1,5", "en", "1.5"), ("-1,5", "en", "-1.5"),
])
def test_the_other_notation_is_refused_with_its_reading_here(text, language, suggestion):
    with pytest.raises(TypedNumberError) as info:
        parse_typed_number(text, language)
    assert info.value.code == "other_convention" and info.value.suggestions == (suggestion,)
    assert suggestion in str(info.value)


@pytest.mark.parametrize("text, language, readings", [
    ("1,250", "de", ("1,25", "1.250")), ("1,000", "de", ("1", "1.000")),
    ("1.250", "en", ("1.25", "1,250")), ("12.500", "en", ("12.5", "12,500")),
])
def test_a_reading_the_table_would_not_show_is_ambiguous(text, language, readings):
    with pytest.raises(TypedNumberError) as info:
        parse_typed_number(text, language)
    assert info.value.code == "ambiguous" and info.value.suggestions == readings


def test_the_value_a_field_already_holds_reads_back():
    """A stored 1.250 shows as 1,250 in German; the editor starts from it and Enter keeps it."""
    assert parse_typed_number("1,250", "de", current=Decimal("1.250")) == Decimal("1.250")
    with pytest.raises(TypedNumberError):
        parse_typed_number("1,250", "de", current=Decimal("7"))


@pytest.mark.parametrize("text", ["1.25.0", "1,25,0", "1..250", "abc", "", "1e5", "12,34,567", "1 25",
                                  "1,250,5", "nan", "١٢٣"])
def test_malformed_text_is_not_a_number_in_either_language(text):
    for language in ("de", "en"):
        with pytest.raises(TypedNumberError) as info:
            parse_typed_number(text, language)
        assert info.value.code in ("not_a_number", "other_convention")
    with pytest.raises(TypedNumberError) as info:
        parse_typed_number("1.25.0", "de")
    assert info.value.code == "not_a_number"


def test_bounds_of_parse_number_hold():
    for text in ("1" * 41, "9" * 200, "0," + "0" * 40 + "1"):
        with pytest.raises(TypedNumberError) as info:
            parse_typed_number(text, "de")
        assert info.value.code == "out_of_range"


@pytest.mark.parametrize("value", ["3000", "0.5", "1234.5678", "1E+15", "1E-12", "1000000.25", "0", "999.999"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_what_the_table_displays_reads_back_exactly(value, language):
    for group in (True, False):
        text = format_typed_number(Decimal(value), language, group)
        assert parse_typed_number(text, language) == Decimal(value), text
