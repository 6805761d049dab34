"""The evaluations ``crosswire eval all`` runs, each turning its result into rows that say what they rest on.

Every runner reads the report part of a dev split (evaluate/splits.py) where the data is
shared, and says next to each figure whether that data was used to tune crosswire: a figure
read on data the rules were developed against is not an estimate of accuracy elsewhere.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

from crosswire.evaluate.results import Context, Figure, _prf, absent, fmt, report_part, runner
from crosswire.evaluate.splits import REPORT

SELF_WRITTEN = "self-written gold"


def _dev(context: Context, dataset: str) -> Path:
    return context.shared / dataset / "dev"


def _present(path: Path) -> bool:
    return (path / "records.jsonl").is_file() if path.suffix != ".jsonl" else path.is_file()


def _on_report_part(context: Context, dataset: str, task: str,
                    evaluate: Callable[..., dict[str, Any]]) -> Generator[Figure, None, dict[str, Any] | None]:
    """An evaluation's result on the report part of a shared dataset; where the data is absent,
    the row that says so (yielded) and None."""
    dev = _dev(context, dataset)
    if not _present(dev):
        yield absent(task, dev)
        return None
    return evaluate(dev, part=REPORT)


@runner("extraction")
def extraction(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.extraction import evaluate_extraction

    for dataset, unit, what in (("article-extraction-benchmark", "pages", "body F1 (Zyte shingles)"),
                                ("trafilatura-eval", "pages", "segment F1")):
        dev = _dev(context, dataset)
        if not _present(dev):
            yield absent("article body", dev)
            continue
        result = evaluate_extraction(dev, part=REPORT)
        ours, base = result["systems"]["crosswire"], result["systems"]["trafilatura"]
        yield Figure("article body", what, fmt(ours["f1"]), f"bare trafilatura {fmt(base['f1'])} (same run)",
                     dataset, report_part(result["n"], unit), str(result["n"]),
                     "tune part only: trafilatura's options chosen there")


@runner("dates")
def dates(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.dates import evaluate_dates

    result = yield from _on_report_part(context, "htmldate-eval", "publication date", evaluate_dates)
    if result is None:
        return
    ours, base = result["systems"]["crosswire"], result["systems"]["htmldate"]
    yield Figure("publication date", "accuracy", fmt(ours["accuracy"]), f"bare htmldate {fmt(base['accuracy'])} (same run)",
                 "htmldate-eval", report_part(result["n"], "pages"), str(result["n"]), "no")


@runner("places")
def places(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.places import HEADLINE_SYSTEM, evaluate_places

    result = yield from _on_report_part(context, "geoparsing-news", "toponyms", evaluate_places)
    if result is None:
        return
    published = ", ".join(f"{name} {value:g}" for name, value in result.get("published", {}).items())
    part = report_part(result["articles"], "articles")
    tuned = "tune part only: resolver weights swept there"
    for system, label in (("crosswire", "end-to-end accuracy (161 km), default places"),
                          (HEADLINE_SYSTEM, "end-to-end accuracy (161 km), all toponyms")):
        m = result["systems"][system]
        baseline = f"{published} (published; not run here)" if system == HEADLINE_SYSTEM and published else ""
        yield Figure("toponyms", label, fmt(m["end_to_end_accuracy"]), baseline, "geoparsing-news", part,
                     f"{m['toponyms']} toponyms", tuned)
    m = result["systems"][HEADLINE_SYSTEM]
    yield Figure("toponyms", "geotagging P / R / F1, all toponyms", _prf(
        {"precision": m["geotagging_precision"], "recall": m["geotagging_recall"], "f1": m["geotagging_f1"]}),
        "", "geoparsing-news", part, f"{m['predicted_places']} predicted, {m['toponyms']} gold", tuned)


@runner("cameo")
def cameo(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.cameo import evaluate_cameo

    result = yield from _on_report_part(context, "petrarch-cameo", "CAMEO events", evaluate_cameo)
    if result is None:
        return
    ours = result["systems"]["crosswire"]
    part = report_part(ours["sentences"] + ours["noevents"], "English sentences")
    tuned = "partly: event rules were checked against whole-dev scores"
    for level, label in (("type", "PLOVER type of each gold event"), ("dyad_and_type", "type + both actors")):
        m = ours["events"][level]
        yield Figure("CAMEO events (PETRARCH2 validation)", label, _prf(m), "", "petrarch-cameo", part,
                     f"{m['right']} right, {m['predicted']} predicted, {m['gold']} gold", tuned)


@runner("quotes")
def quotes(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.quotes import evaluate_quotes

    result = yield from _on_report_part(context, "polnear-attribution", "attributions", evaluate_quotes)
    if result is None:
        return
    part = report_part(result["records"], "articles")
    tuned = "yes: attribution rules were developed against errors on the whole dev split"
    published = ", ".join(f"{name} {value:g}" for name, value in result["published"].items())
    for system, label in (("crosswire", "speaker (source) strict, all attributions"),
                          ("crosswire, direct quotes only", "speaker (source) strict, direct quotes")):
        m = result["systems"][system]
        yield Figure("attributions (PolNeAR)", label, _prf(m["source"]["strict"], 1),
                     f"{published} (published; not run here)" if system == "crosswire" else "",
                     "polnear-attribution", part, f"{m['counts']['source_gold']} gold sources", tuned)
    m = result["systems"]["crosswire"]
    yield Figure("attributions (PolNeAR)", "content words", _prf(m["content"], 1), "", "polnear-attribution", part,
                 f"{m['counts']['gold']} gold attributions", tuned)


@runner("stance")
def stance(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.stance import evaluate_stance

    result = yield from _on_report_part(context, "fnc1-stance", "stance", evaluate_stance)
    if result is None:
        return
    systems = dict(result["systems"])
    ours = systems.pop("crosswire")
    baselines = [f"{name} {fmt(m['fnc_score'], 2)} (same run)" for name, m in systems.items()]
    published = [f"{name} {value:g} (published; not run here)" for name, value in result.get("published", {}).items()]
    yield Figure("headline/body stance (FNC-1)", "FNC-1 weighted score (%)", fmt(ours["fnc_score"], 2),
                 "; ".join(baselines + published), "fnc1-stance", report_part(ours["bodies"], "bodies"), f"{ours['n']} pairs",
                 "yes: the stance rule version was chosen by its whole-dev score")


@runner("stories")
def stories(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.stories import evaluate_stories

    for dataset, label, unit, tuned in (
            ("ecbplus", "stories (ECB+)", "documents", "tune part only: thresholds and weights swept there"),
            # FNC-1's claim groups are weak stories (bodies about one claim); nothing was tuned on them
            ("fnc1-stance", "stories (FNC-1 claim groups)", "bodies", "no: thresholds were swept on ECB+ only")):
        result = yield from _on_report_part(context, dataset, label, evaluate_stories)
        if result is None:
            continue
        systems = dict(result["systems"])
        ours = systems.pop("crosswire")
        yield Figure(label, "B-cubed F1", fmt(ours["f1"]),
                     "; ".join(f"{name} {fmt(m['f1'])} (same run)" for name, m in systems.items()), dataset,
                     report_part(ours["n"], unit), f"{ours['gold_clusters']} gold stories, {ours['clusters']} found",
                     tuned)


@runner("ecb-events")
def ecb_events(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.ecb_events import BASELINE, evaluate_ecb_events

    result = yield from _on_report_part(context, "ecbplus", "events (ECB+)", evaluate_ecb_events)
    if result is None:
        return
    ours, verbs = result["systems"]["crosswire"], result["systems"][BASELINE]
    part, tuned = report_part(result["documents"], "documents"), "no: event rules were never tuned on ECB+"
    m = ours["triggers"]
    yield Figure("events (ECB+)", "event trigger vs every gold action mention", _prf(m),
                 f"{BASELINE} {_prf(verbs['triggers'])} (same run)", "ecbplus", part,
                 f"{m['matched']} matched, {m['predicted']} predicted, {m['gold']} gold actions in "
                 f"{result['sentences']} annotated sentences", tuned)
    occ = ours["occurrence_recall"]
    yield Figure("events (ECB+)", "recall over occurrences only (ACTION_OCCURRENCE, NEG_ACTION_OCCURRENCE)",
                 f"R {fmt(occ['recall'])}", f"{BASELINE} R {fmt(verbs['occurrence_recall']['recall'])} (same run)",
                 "ecbplus", part, f"{occ['matched']} of {occ['gold']} occurrences", tuned)
    args = [ours[k] for k in ("participant", "location", "time")]
    yield Figure("events (ECB+)", "matched events: participant / place / time on a gold mention of the sentence",
                 " / ".join(fmt(a["accuracy"]) for a in args), "", "ecbplus", part,
                 "{} of {} with a party, {} of {} with a place, {} of {} dated in their sentence".format(
                     *(n for a in args for n in (a["right"], a["scored"])))
                 + f" ({args[2]['context_dated']} dated from context, not scored)", tuned)


ACLED_SETS = (
    ("acled_reports.jsonl", "A", "yes: written with the rules"),
    ("acled_reports_b.jsonl", "B", "yes: its failures led to rule fixes"),
    ("acled_reports_c.jsonl", "C", "no: written blind to the rules, never used to write them"),
    ("acled_reports_d.jsonl", "D", "yes: used for development after a blind first run"),
)


@runner("reports")
def reports(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.events import evaluate_reports

    for name, label, tuned in ACLED_SETS:
        path = context.gold / name
        if not path.is_file():
            yield absent("ACLED-style reports", path)
            continue
        result = evaluate_reports(path)
        m = result["systems"]["crosswire"]
        data = f"{SELF_WRITTEN}: ACLED-style reports, set {label}"
        n = f"{m['reports']} reports"
        yield Figure("events", "report's event: type / dead / place / date", " / ".join(
            fmt(m[k]) for k in ("type", "fatalities_exact", "place", "date")), "", data, "all", n, tuned)
        events = m["events"]["type"]
        yield Figure("events", "every coded event: ACLED type", _prf(events), "", data, "all",
                     f"{events['predicted']} coded, {events['gold']} gold", tuned)


@runner("event-dates")
def event_dates(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.event_dates import evaluate_event_dates

    for name, label in (("event_dates.jsonl", "A"), ("event_dates_b.jsonl", "B")):
        path = context.gold / name
        if not path.is_file():
            yield absent("event dates", path)
            continue
        systems = evaluate_event_dates(path)["systems"]
        ours = systems.pop("crosswire")
        yield Figure("event dates in news", "P / R / F1 over every gold-dated event", _prf(ours),
                     "; ".join(f"{k} F1 {fmt(m['f1'])} (same run)" for k, m in systems.items()),
                     f"{SELF_WRITTEN}: event dates, set {label}", "all",
                     f"{ours['found']} of {ours['gold_events']} events found, {ours['gold_dated']} dated",
                     "yes: both sets were used to develop the rules")


def _store_of(corpus: Path):  # noqa: ANN202 - Store import is lazy
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    store = Store(":memory:")
    run([corpus], store, load_settings())
    return store


@runner("relations")
def relations(context: Context) -> Iterator[Figure]:
    from crosswire.evaluate.stance import read_story_labels, score_story_relations

    labels = context.gold / "story_relations.jsonl"
    for story, corpus in (("seed", context.shared.parent / "seeds"), ("examples", context.repo / "examples" / "corpus")):
        if not corpus.is_dir() or not labels.is_file():
            yield absent("claim relations", corpus)
            continue
        store = _store_of(corpus)
        result = score_story_relations(store.claims(), store.relations(), read_story_labels(labels, story))
        store.close()
        p = result["correct"] / result["related"] if result["related"] else None
        r = result["found"] / result["expected"] if result["expected"] else None
        yield Figure("claim relations", "P / R of supports and contradicts", f"P {fmt(p)} / R {fmt(r)}", "",
                     f"{SELF_WRITTEN}: hand-labelled {story} story", "all",
                     f"{result['correct']} of {result['related']} related right, {result['found']} of "
                     f"{result['expected']} expected found ({result['unresolved']} labels match no claim)",
                     "yes: relation constants were tuned on these labels")
    yield from _seedcheck(context)


def _seedcheck(context: Context) -> Iterator[Figure]:
    """The acceptance checks of ../shared/tools/seedcheck.py on a fresh export of the seeds."""
    from crosswire.export import export

    seeds, tool = context.shared.parent / "seeds", context.shared.parent / "tools" / "seedcheck.py"
    if not seeds.is_dir() or not tool.is_file():
        yield absent("seeds acceptance", tool)
        return
    store = _store_of(seeds)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seeds.jsonl"
        export(store, "jsonl", out)
        store.close()
        for mode, label in (([], "finds what the seeds say"), (["--precision"], "says nothing they do not")):
            done = subprocess.run([sys.executable, str(tool), str(out), "--quiet", *mode],
                                  capture_output=True, text=True, check=False)
            last = (done.stdout.strip().splitlines() or ["no output"])[-1]
            yield Figure("seeds acceptance", label, last, "", "shared seeds (two articles)", "all",
                         "checks of tools/seedcheck.py", "yes: the rules were written on the seeds")


@runner("judged")
def judged(context: Context) -> Iterator[Figure]:
    """Verdicts of blind judges committed under results/judged/: precision of what a user reads on real text.

    Verdicts belong to the output they judged (named in the file's JSON beside it); they are
    re-read here, not re-judged, so the row says which output it rests on.
    """
    import csv
    import json

    folder = context.repo / "results" / "judged"
    for path in sorted(folder.glob("*.tsv")) if folder.is_dir() else []:
        if path.name.endswith((".recall.tsv", ".disputes.tsv", ".cards.tsv")):
            continue
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if meta.get("format") == "fields":
            yield from _judged_fields(path, meta)
            continue
        if meta.get("format") == "relations":
            yield from _judged_relations(path, meta)
            continue
        if meta.get("format") == "pages":
            yield from _coded_pages(path, meta)
            continue
        with path.open(encoding="utf-8") as fh:
            verdicts = [row["verdict"] for row in csv.DictReader(fh, delimiter="\t")]
        right, wrong, unsure = (verdicts.count(v) for v in ("CORRECT", "WRONG", "UNSURE"))
        yield Figure(f"{meta['what']} (blind judge)", "precision: correct / (correct + wrong)",
                     fmt(right / (right + wrong) if right + wrong else None), "", meta["articles"].split(":")[0],
                     f"{meta['articles_judged']} articles, output of {meta['judged_output_of']}",
                     f"{right} correct, {wrong} wrong, {unsure} unsure of {len(verdicts)} judged; "
                     f"{meta['missed_total']} events missed" + (f"; {meta['labelled_events']} events labelled "
                                                                 "blind before any output" if "labelled_events" in meta else ""),
                     "no: the judged output was made before any rule saw these articles or verdicts")


def _coded_pages(path: Path, meta: dict[str, Any]) -> Iterator[Figure]:
    """Rows for real pages a coder labelled before any output existed, matched to crosswire's ACLED
    rows (evaluate/coded_pages.py): the committed records give the figures again."""
    from crosswire.evaluate.coded_pages import summarise_records
    from crosswire.evaluate.judged import read_tsv

    summary = summarise_records(read_tsv(path))
    where = f"{meta['pages']} pages, output of {meta['judged_output_of']}"
    found = summary["happenings_found"]
    yield Figure(meta["what"], "ACLED rows: precision / recall of the pages' happenings (one row per happening)",
                 f"P {fmt(found['precision'])} / R {fmt(found['recall'])}", "", meta["data"], where,
                 f"{summary['rows']} rows, {summary['happenings']} happenings coded blind", meta["tuned"])
    fields = summary["fields"]
    yield Figure(meta["what"], "over every coded happening: type / event type / dead / place (25 km) / date",
                 " / ".join(fmt(fields[f]) for f in ("type", "event_type", "fatalities_exact", "place", "date")),
                 "", meta["data"], where, "a happening not found is wrong in every field", meta["tuned"])


def _judged_relations(path: Path, meta: dict[str, Any]) -> Iterator[Figure]:
    """Rows for claim relations judged blind: precision per type, and the disputes found."""
    from crosswire.evaluate.judged import read_tsv

    rows = read_tsv(path)
    where = f"{meta['stories_judged']} stories, output of {meta['judged_output_of']}"
    if "parts" in meta:  # tune/report stories: the figure is read on the report part only
        rows = [r for r in rows if r.get("part") == "report"]
        where += ", report-part stories"
    data = meta["articles"].split(":")[0]
    tuned = meta.get("tuned", "no: the judged output was made before any rule saw these stories or verdicts")
    for type_ in ("contradicts", "supports"):
        verdicts = [r["verdict"] for r in rows if r["type"] == type_ and r.get("shown", "yes") == "yes"]
        right, wrong, unsure = (verdicts.count(v) for v in ("CORRECT", "WRONG", "UNSURE"))
        yield Figure(f"{meta['what']} (blind judge)", f"{type_}: correct / (correct + wrong)",
                     fmt(right / (right + wrong) if right + wrong else None), "", data, where,
                     f"{right} correct, {wrong} wrong, {unsure} unsure of {len(verdicts)} judged", tuned)
    cards = path.with_name(path.name.replace(".tsv", ".cards.tsv"))
    if cards.exists():  # the shown disputes, as a user reads them: a question and two positions
        verdicts = [r["verdict"] for r in read_tsv(cards)]
        right, partly, wrong = (verdicts.count(v) for v in ("CORRECT", "PARTLY", "WRONG"))
        yield Figure(f"{meta['what']} (blind judge)", "shown disputes: correct / judged (partly right counted wrong)",
                     fmt(right / len(verdicts) if verdicts else None), "", data, where,
                     f"{right} correct, {partly} partly, {wrong} wrong of {len(verdicts)} disputes shown", tuned)
    disputes = read_tsv(path.with_name(path.name.replace(".tsv", ".disputes.tsv")))
    if "parts" in meta:
        disputes = [d for d in disputes if d.get("part") == "report"]
    found = sum(1 for d in disputes if d["captured"] == "yes")
    yield Figure(f"{meta['what']} (blind judge)", "disputes the judge listed before seeing output, found",
                 fmt(found / len(disputes) if disputes else None), "", data, where,
                 f"{found} of {len(disputes)} disputes", tuned)
    # A dispute found when a shown contradiction states the same disagreement between the same sides,
    # in other sentences if need be: a judge matched them (column same_dispute; n/a: no dispute after all).
    judged = [d for d in disputes if d.get("same_dispute") in ("yes", "no")]
    if judged:
        same = sum(1 for d in judged if d["same_dispute"] == "yes")
        yield Figure(f"{meta['what']} (blind judge)", "labelled disputes a shown contradiction states (any sentences)",
                     fmt(same / len(judged)), "", data, where,
                     f"{same} of {len(judged)} disputes ({len(disputes) - len(judged)} judged no dispute)", tuned)


def _judged_fields(path: Path, meta: dict[str, Any]) -> Iterator[Figure]:
    """Rows for a field-by-field verdict file (evaluate/judged.py)."""
    from crosswire.evaluate.judged import FIELDS, ratio, read_tsv, summarise

    s = summarise(read_tsv(path), read_tsv(path.with_name(path.name.replace(".tsv", ".recall.tsv"))))
    where = f"{meta['articles_judged']} articles, output of {meta['judged_output_of']}"
    data = meta["articles"].split(":")[0]
    tuned = meta.get("tuned", "no: the judged output was made before any rule saw these articles or verdicts")
    right, wrong, unsure = s["event"]
    yield Figure(f"{meta['what']} (blind judge)", "is an event: correct / (correct + wrong)", fmt(ratio(s["event"])), "",
                 data, where, f"{right} correct, {wrong} wrong, {unsure} unsure of {s['records']} judged", tuned)
    right, wrong, unsure = s["exported_event"]
    if right + wrong:
        yield Figure(f"{meta['what']} (blind judge)", "is an event, of the rows the ACLED export writes (asserted, reported)",
                     fmt(ratio(s["exported_event"])), "", data, where,
                     f"{right} correct, {wrong} wrong, {unsure} unsure of {right + wrong + unsure} told as having happened",
                     tuned)
    fields = " / ".join(fmt(ratio(s["fields"][f])) for f in FIELDS)
    counts = ", ".join(f"{f} {s['fields'][f][0]}/{s['fields'][f][0] + s['fields'][f][1]}" for f in FIELDS)
    yield Figure(f"{meta['what']} (blind judge)", "of real events: " + " / ".join(FIELDS), fields, "", data, where,
                 counts, tuned)
    found, total = s["recall"]
    split, real = s["split"]
    yield Figure(f"{meta['what']} (blind judge)", "recall of labelled events; real-event rows that repeat another",
                 f"{fmt(found / total if total else None)}; {fmt(split / real if real else None)}", "", data, where,
                 f"{found} of {total} events labelled blind before any output; {split} of {real} rows", tuned)
