"""Tests of the results table (evaluate/results.py), its runners without data, and the tune/report parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.evaluate.results import (
    BEGIN,
    END,
    RUNNERS,
    Context,
    Figure,
    load,
    readme_section,
    run_all,
    save,
    to_markdown,
    with_table,
)
from crosswire.evaluate.splits import PARTS, part_of, select

REPO = Path(__file__).resolve().parents[2]
ROW = Figure("stories (ECB+)", "B-cubed F1", "0.900", "names-only 0.880 (same run)", "ecbplus",
             "dev, report part (129 documents)", "10 gold stories", "tune part only")


def test_markdown_escapes_pipes_and_newlines_from_the_figures() -> None:
    table = to_markdown([Figure("a|b", "f", "1", "x\ny", "d", "p", "n", "no")])
    assert table.splitlines()[2] == "| a\\|b | f | 1 | x y | d | p | n | no |"
    assert table.splitlines()[0].count("|") == 9


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    save([ROW], tmp_path / "results.json")
    assert load(tmp_path / "results.json") == [ROW]
    assert (tmp_path / "results.md").read_text(encoding="utf-8") == to_markdown([ROW])


def test_with_table_replaces_only_the_section() -> None:
    readme = f"# x\n\nbefore\n{BEGIN}\n| old |\n{END}\nafter\n"
    out = with_table(readme, [ROW])
    assert out.startswith("# x\n\nbefore\n") and out.endswith(f"{END}\nafter\n")
    assert readme_section(out) == to_markdown([ROW])
    assert with_table(out, [ROW]) == out  # idempotent
    with pytest.raises(ValueError, match="no results section"):
        with_table("# no markers\n", [ROW])


def test_readme_results_are_the_saved_figures_not_typed_by_hand() -> None:
    """The README's table is exactly what `crosswire eval all --out results/results.md --readme README.md` wrote."""
    section = readme_section((REPO / "README.md").read_text(encoding="utf-8"))
    assert section is not None, "README has no results section"
    figures = load(REPO / "results" / "results.json")
    assert section == to_markdown(figures)
    assert (REPO / "results" / "results.md").read_text(encoding="utf-8") == section
    tasks = {f.task for f in figures}
    assert {"article body", "stories (ECB+)", "events", "claim relations", "seeds acceptance"} <= tasks
    assert all(f.tuned for f in figures)  # every figure says whether its data was used for tuning


def test_every_runner_says_when_its_data_is_absent(tmp_path: Path) -> None:
    context = Context(shared=tmp_path / "shared" / "eval", gold=tmp_path / "gold", repo=tmp_path)
    seen: list[str] = []
    figures = run_all(context.__class__(context.shared, context.gold, context.repo, seen.append))
    assert seen == list(RUNNERS)
    assert figures and all(f.figure == "not run" and f.tuned == "data absent" for f in figures)
    # One row per dataset or gold file each runner reads: none silently dropped.
    assert len(figures) == 2 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 4 + 2 + 3  # stories: ECB+ and FNC-1 claim groups
    assert run_all(context, {"dates"}) == [f for f in figures if f.task == "publication date"]


@given(st.sampled_from(["ecbplus", "fnc1-stance", "geoparsing-news"]), st.lists(st.integers(0, 40), max_size=60))
def test_parts_partition_records_and_keep_groups_together(dataset: str, groups: list[int]) -> None:
    field = {"ecbplus": "topic", "fnc1-stance": "claim_group"}.get(dataset, "id")
    records = [{"id": f"{dataset}-{i}", field: g} if field != "id" else {"id": g} for i, g in enumerate(groups)]
    tune, report = (select(dataset, records, p) for p in PARTS)
    assert len(tune) + len(report) == len(records) and select(dataset, records, None) == records
    assert not {r[field] for r in tune} & {r[field] for r in report}
    assert all(part_of(dataset, r[field]) == "tune" for r in tune)


def test_parts_are_roughly_halves_and_fixed() -> None:
    keys = [f"doc-{i}" for i in range(2000)]
    tune = sum(part_of("geoparsing-news", k) == "tune" for k in keys)
    assert 900 < tune < 1100
    # Fixed for good: changing the salt or the hash would move figures across parts.
    assert "".join(part_of("ecbplus", t)[0] for t in range(1, 12)) == "ttttrrrttrt"
    assert [part_of("ecbplus", t) for t in (1, 5)] == [part_of("ecbplus", str(t)) for t in (1, 5)]
    with pytest.raises(ValueError):
        select("ecbplus", [], "dev")


def test_judged_verdicts_give_precision_with_their_counts(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "results" / "judged"
    folder.mkdir(parents=True)
    (folder / "events_x.tsv").write_text(
        "record\tevent_id\tecbplus_doc\tevidence_start\tevidence_end\tverdict\twrong_field\n"
        "E00\ta\td1\t0\t10\tCORRECT\t\nE01\tb\td1\t11\t20\tWRONG\tactor\n"
        "E02\tc\td2\t0\t9\tCORRECT\t\nE03\td\td2\t10\t19\tUNSURE\t\n", encoding="utf-8")
    (folder / "events_x.json").write_text(json.dumps({
        "what": "events", "judged_output_of": "crosswire abc", "articles": "ECB+ dev, report part: d1, d2",
        "missed_events_listed_by_judge": {"d1": 2, "d2": 1}, "missed_total": 3, "articles_judged": 2}),
        encoding="utf-8")
    context = Context(shared=tmp_path / "none", gold=tmp_path / "none", repo=tmp_path)
    [figure] = run_all(context, {"judged"})
    assert figure.crosswire == "0.667"  # 2 correct of 3 decided; the unsure one is left out
    assert figure.n == "2 correct, 1 wrong, 1 unsure of 4 judged; 3 events missed"
    assert figure.data == "ECB+ dev, report part" and "crosswire abc" in figure.part


def test_field_verdicts_give_event_and_field_precision_splits_and_recall(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "results" / "judged"
    folder.mkdir(parents=True)
    head = "record\thappening_id\tmodality\tevent\tstatus\tactor\ttarget\tplace\tdate\tfatalities\tmerge\tsame_as\n"
    (folder / "happenings_x.tsv").write_text(
        head + "x-H00\ta\tasserted\tCORRECT\tCORRECT\tCORRECT\tWRONG\tWRONG\tCORRECT\tCORRECT\tCORRECT\tx-H02\n"
        "x-H01\tb\tplanned\tWRONG\tNA\tNA\tNA\tNA\tNA\tNA\tCORRECT\t\n"
        "x-H02\tc\treported\tCORRECT\tCORRECT\tUNSURE\tCORRECT\tCORRECT\tWRONG\tCORRECT\tWRONG\tx-H00\n", encoding="utf-8")
    (folder / "happenings_x.recall.tsv").write_text(
        "label\tstatus\trecords\nL01\thappened\tx-H00,x-H02\nL02\thappened\t\nL03\tplanned\t\n", encoding="utf-8")
    (folder / "happenings_x.json").write_text(json.dumps({
        "what": "happenings", "format": "fields", "judged_output_of": "crosswire abc",
        "articles": "ECB+ dev, report part: d1", "articles_judged": 1}), encoding="utf-8")
    context = Context(shared=tmp_path / "none", gold=tmp_path / "none", repo=tmp_path)
    event, exported, fields, recall = run_all(context, {"judged"})
    assert exported.crosswire == "1.000" and exported.n.startswith("2 correct, 0 wrong")  # the planned row is not exported
    assert event.crosswire == "0.667" and event.n == "2 correct, 1 wrong, 0 unsure of 3 judged"
    # status / actor / target / place / date / fatalities / merge over the 2 real events
    assert fields.crosswire == "1.000 / 1.000 / 0.500 / 0.500 / 0.500 / 1.000 / 0.500"
    assert "actor 1/1" in fields.n
    assert recall.crosswire == "0.500; 1.000"  # 1 of 2 happened labels found; both real rows repeat another


def test_relation_verdicts_give_precision_per_type_and_disputes_found(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "results" / "judged"
    folder.mkdir(parents=True)
    (folder / "relations_x.tsv").write_text(
        "record\ttype\tverdict\tshown\n"
        "R0\tcontradicts\tCORRECT\tyes\nR1\tcontradicts\tWRONG\tyes\nR2\tcontradicts\tWRONG\tno\n"
        "R3\tsupports\tCORRECT\tyes\nR4\tsupports\tUNSURE\tyes\n", encoding="utf-8")
    (folder / "relations_x.disputes.tsv").write_text(
        "story\tdispute_id\tcaptured\nS0\tS0-D1\tyes\nS0\tS0-D2\tno\nS1\tS1-D1\tno\n", encoding="utf-8")
    (folder / "relations_x.json").write_text(json.dumps({
        "what": "relations", "format": "relations", "judged_output_of": "crosswire abc",
        "articles": "seeds and ECB+: two stories", "stories_judged": 2}), encoding="utf-8")
    context = Context(shared=tmp_path / "none", gold=tmp_path / "none", repo=tmp_path)
    contradicts, supports, disputes = run_all(context, {"judged"})
    assert contradicts.crosswire == "0.500" and contradicts.n.startswith("1 correct, 1 wrong")  # R2 held back
    assert supports.crosswire == "1.000" and supports.n == "1 correct, 0 wrong, 1 unsure of 2 judged"
    assert disputes.crosswire == "0.333" and disputes.n == "1 of 3 disputes"


def test_disputes_matched_at_dispute_level_give_a_figure_of_their_own(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "results" / "judged"
    folder.mkdir(parents=True)
    (folder / "relations_x.tsv").write_text("record\ttype\tverdict\tshown\nR0\tcontradicts\tCORRECT\tyes\n",
                                           encoding="utf-8")
    (folder / "relations_x.disputes.tsv").write_text(
        "story\tdispute_id\tcaptured\tsame_dispute\nS0\tS0-D1\tno\tyes\nS0\tS0-D2\tno\tno\nS1\tS1-D1\tno\tn/a\n",
        encoding="utf-8")
    (folder / "relations_x.json").write_text(json.dumps({
        "what": "relations", "format": "relations", "judged_output_of": "crosswire abc",
        "articles": "real stories: two", "stories_judged": 2}), encoding="utf-8")
    context = Context(shared=tmp_path / "none", gold=tmp_path / "none", repo=tmp_path)
    *_, sentences, same = run_all(context, {"judged"})
    assert sentences.crosswire == "0.000"  # no shown contradiction joins a labelled pair's own sentences
    assert same.crosswire == "0.500" and same.n == "1 of 2 disputes (1 judged no dispute)"
