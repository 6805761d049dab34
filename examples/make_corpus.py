"""The binary members of the sample corpus: a cp1251 file, a latin-1 file and a WARC.gz.

These are generated rather than edited by hand because their bytes are the point: the
encodings must be exactly cp1251 and latin-1 (an editor would save UTF-8), and the WARC
is written with warcio. Record ids and dates are fixed so that re-running the script
gives byte-identical files. Run from the repository root:

    python examples/make_corpus.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CORPUS = Path(__file__).resolve().parent / "corpus"

# Russian-language report from a fictional Varnian outlet; saved as cp1251 (Windows Cyrillic).
KORVOGRAD_RU = """\
Вестник Корвограда
Главная | Политика | Экономика | Общество
Волков: огонь по Дравному был ответом на удар беспилотника
13 марта 2024, 09:15
Размер шрифта: A A A
КОРВОГРАД, 13 марта. Министр обороны Варнии Сергей Волков заявил во вторник, что \
артиллерия вела огонь по району Дравного «исключительно по военным целям» после того, \
как кестрийский беспилотник атаковал пограничный пост у села Острель.
По словам министра, в результате удара погибли трое военнослужащих, ещё пятеро получили \
ранения. Раненые доставлены в военный госпиталь Корвограда.
«Ни один снаряд не был направлен на жилые дома. Гибель людей в Дравном вызвана взрывом \
склада боеприпасов, который кестрийская армия разместила в центре города», — сказал Волков.
Он добавил, что число погибших в Дравном «не превышает пяти человек». Власти Кестрии \
сообщают о 14 погибших и 31 раненом.
Министр иностранных дел Елена Марчук заявила, что Варния готова к прекращению огня и к \
переговорам в Вене при посредничестве специального посланника ООН Амары Осеи. «Мы не \
позволим называть себя агрессорами за то, что защищаем своих солдат», — подчеркнула Марчук.
Миссия наблюдателей на реке Сельва пока не установила, откуда вёлся огонь. Глава миссии \
Хенрик Аалто призвал стороны прекратить стрельбу.
Кестрия отрицает, что её беспилотник пересекал границу.
Поделиться: ВКонтакте | Telegram | Одноклассники
Комментарии (42)
"""

# French-language report from a fictional outlet; saved as latin-1, so no curly quotes or
# ligatures that latin-1 cannot hold (« » and accented letters are in it).
ECHO_FR = """\
L'Echo du Nord - International
Accueil > Monde > Europe
Cessez-le-feu conclu entre la Kestrie et la Varnie
Publié le 14 mars 2024 à 22h05 | Mis à jour le 15 mars 2024 à 07h30
Partager : Facebook | X | E-mail
VIENNE - La Kestrie et la Varnie ont conclu jeudi soir à Vienne un accord de \
cessez-le-feu le long de la rivière Selva, entré en vigueur à minuit, a annoncé \
l'émissaire des Nations unies Amara Osei, deux jours après le bombardement meurtrier de \
la ville frontalière de Dravny.
« C'est un cessez-le-feu, pas encore la paix », a déclaré M. Osei à l'issue de deux \
journées de négociations difficiles.
L'accord prévoit le retrait de l'artillerie lourde à au moins quinze kilomètres de la \
rivière et un accès sans restriction des observateurs de la mission de surveillance à \
Dravny ainsi qu'au poste varnien d'Ostrel.
La Première ministre kestrienne, Irena Sadowska, a salué « un premier pas » tout en \
réclamant une enquête indépendante. Le ministre varnien de la Défense, Sergueï Volkov, \
a promis que ses troupes respecteraient la trêve « tant que l'autre partie le fera ».
Le bilan reste contesté : Tessin fait état de seize morts, Korvograd de « moins de cinq », \
tandis que les observateurs ont confirmé au moins neuf décès de civils. Le texte de \
l'accord ne mentionne aucun chiffre.
Selon la ministre varnienne des Affaires étrangères, Elena Martchouk, la défense de la \
frontière reste « une priorité absolue ».
Lire aussi : Selva, une frontière qui ne s'est jamais tue
Réagir à cet article
"""

PAGES = [
    (
        "https://kestriatoday.example/2024/03/15/dravny-funerals",
        "Dravny holds last funerals as monitors begin inquiry",
        "<p class='dateline'>DRAVNY, March 15 (Kestria Today)</p>"
        "<p>The last of the victims of Tuesday's shelling were buried in Dravny on Friday, as a team "
        "from the Selva Monitoring Mission began what its head called the most detailed inquiry in "
        "the mission's five-year history.</p>"
        "<p>The mission now says it has confirmed 12 civilian deaths, up from at least nine earlier in "
        "the week, and is examining 38 impact sites in the town's northern districts. Kestria's "
        "government puts the toll at 16; Varnia still says fewer than five people died.</p>"
        "<p>\u201cWe will follow the craters, the fragments and the witnesses, and we will publish what we "
        "find,\u201d Henrik Aalto told reporters outside the damaged school on Bridge Street.</p>"
        "<p>Defence Minister Tomas Reiner, who attended the funeral of a nine-year-old girl, said "
        "Kestria would hand the monitors radar data showing that the fire came from Varnian "
        "positions. Reiner said no Kestrian drone had flown on Monday night.</p>"
        "<p>Across the river, Varnian officials invited the monitors to Ostrel. Major-General Dmitry "
        "Orlov said they would be shown the wreckage of the drone that Varnia says killed three of "
        "its soldiers.</p>"
        "<p>The ceasefire agreed in Vienna on Thursday was holding on Friday evening, despite "
        "overnight reports of sniper fire and three mortar rounds east of Dravny.</p>",
    ),
    (
        "https://kestriatoday.example/2024/03/10/cup-final",
        "Tessin Rovers win cup final on penalties",
        "<p>Tessin Rovers won the national cup for the first time in 22 years on Sunday, beating "
        "Corvin United 5-4 on penalties after a 1-1 draw in front of 31,000 fans at the National "
        "Stadium.</p>"
        "<p>Goalkeeper Erik Salo saved the decisive kick from Corvin captain Luca Brenner, sparking "
        "a pitch invasion that delayed the trophy presentation by twenty minutes.</p>"
        "<p>Corvin had taken the lead through a header from Adam Novak in the 38th minute. Rovers "
        "equalised ten minutes from time when substitute Jan Hollis curled a free kick into the top "
        "corner.</p>"
        "<p>\u201cI told the players at half-time that we had nothing to lose. Twenty-two years is a long "
        "time to wait, and these fans deserved this,\u201d said Rovers coach Irina Vasko, who took over "
        "in November with the club fourth from bottom in the league.</p>"
        "<p>Corvin coach Paul Markov said his side had been the better team for an hour. \u201cPenalties "
        "are a lottery. Today we had the wrong ticket,\u201d he said.</p>"
        "<p>Rovers will play in the continental qualifying rounds in July.</p>",
    ),
    (
        "https://kestriatoday.example/2024/03/14/central-bank-holds-rates",
        "Central bank holds rates, warns of border risk to growth",
        "<p>Kestria's central bank kept its main interest rate at 4.25 percent on Thursday, as "
        "expected, and said the flare-up on the Selva frontier was a new risk to an economy "
        "already close to stagnation.</p>"
        "<p>Governor Elise Marten said inflation had fallen to 3.1 percent in February from a peak "
        "of 11 percent in late 2022, but that the bank wanted to see it closer to its 2 percent "
        "target before cutting borrowing costs.</p>"
        "<p>\u201cGeopolitical tension on our eastern border adds uncertainty for investment and for "
        "energy prices. We will watch it closely,\u201d Marten told a news conference.</p>"
        "<p>The bank cut its forecast for economic growth this year to 0.6 percent from 0.9 percent. "
        "Economists at Halden Securities said they expected a first rate cut in June.</p>"
        "<p>The Kestrian crown weakened 0.4 percent against the euro after the decision, and the "
        "yield on ten-year government bonds rose to its highest level in four months.</p>",
    ),
]

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Kestria Today</title>
<meta property="og:title" content="{title}"></head>
<body><header><a href="/">Kestria Today</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></header>
<article><h1>{title}</h1>{body}</article>
<div class="share">Share this article</div>
<footer>&copy; 2024 Kestria Today. Cookies help us deliver our services.</footer></body></html>
"""


def write_warc(path: Path) -> None:
    """Write a gzipped WARC with one warcinfo, and a request + response per page."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(
            path.name,
            {"software": "crosswire examples/make_corpus.py", "description": "fictional sample crawl"},
        )
        # create_warcinfo_record takes no header overrides: fix id and date afterwards.
        info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>")
        info.rec_headers.replace_header("WARC-Date", "2024-03-15T20:00:00Z")
        writer.write_record(info)
        for number, (url, title, body) in enumerate(PAGES, start=1):
            date = f"2024-03-15T20:0{number}:00Z"
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(f"GET {url} HTTP/1.1\r\nHost: kestriatoday.example\r\n\r\n".encode()),
                warc_headers_dict={
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-0000000000{number}1>",
                    "WARC-Date": date,
                },
            )
            html = PAGE_TEMPLATE.format(title=title, body=body).encode("utf-8")
            http = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-0000000000{number}2>",
                    "WARC-Date": date,
                },
            )
            writer.write_record(request)
            writer.write_record(response)


def main() -> None:
    """Write the three generated corpus files."""
    (CORPUS / "korvograd-vestnik-volkov.ru.txt").write_bytes(KORVOGRAD_RU.encode("cp1251"))
    (CORPUS / "echo-du-nord-cessez-le-feu.fr.txt").write_bytes(ECHO_FR.encode("latin-1"))
    write_warc(CORPUS / "kestria-today-crawl.warc.gz")


if __name__ == "__main__":
    main()
