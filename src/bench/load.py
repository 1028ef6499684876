#!/usr/bin/env python3
"""Fills Khabar with generated articles for the benchmark (src/bench/run.sh).

Half Arabic, half English, each about the size of a real article: a title, a subtitle, a lead, five sections of
two or three bullets and a closing, about 400 words in all. Everything is derived from a fixed seed and the
article's number, so the same N gives the same articles whatever the thread scheduling.

Articles are created through the API (POST /api/v1/articles) by a pool of threads, each with its own keep-alive
connection. The first articles, until every category and tag has been used once, are sent one at a time: the
service creates categories and tags on first use, and that is the only step where concurrent writers could wait
on each other.

A few rare words (RARE_WORDS) are added to a known share of the articles, for search benchmarks
(src/bench/search.sh): one word inserted into the lead of every article whose number has the given remainder. They
come from no random generator, so every other article, and every other field, is the same as without them.

Standard library only. Writes a shell-sourceable file with a few ids and slugs to benchmark.
"""

import argparse
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed

SEED = 20261129

AR_WORDS = """
الحكومة الوزير الرئيس البرلمان المجلس اللجنة الوزارة الشركة المدينة العاصمة المنطقة البلاد الدولة الشعب المواطنين
السكان الخبراء المحللين المسؤولين المراقبين الاقتصاد السوق الأسعار النفط الغاز الطاقة الكهرباء المياه الزراعة
الصناعة التجارة الاستثمار الميزانية الضرائب الديون البنك المركزي العملة التضخم النمو البطالة الرواتب الأجور
التعليم المدارس الجامعات الطلاب المعلمين الصحة المستشفيات الأطباء المرضى اللقاح الدواء البيئة المناخ الأمطار
الجفاف الحرارة الفيضانات الطرق النقل المطار الميناء القطار السيارات المشروع الخطة البرنامج الاتفاق المفاوضات
الحوار الأزمة الخلاف التعاون الشراكة العلاقات الدبلوماسية السفير الخارجية الداخلية الأمن الجيش الحدود السلام
الانتخابات المرشحين الأحزاب المعارضة القانون الدستور المحكمة القضاء العدالة الحقوق الحريات الإعلام الصحافة
الثقافة الفنون المهرجان المعرض الكتاب الرياضة المنتخب البطولة الملعب الفريق المدرب اللاعبين الجمهور التكنولوجيا
الإنترنت الهاتف البيانات الذكاء الاصطناعي الشباب النساء الأطفال الأسر القرى الأحياء السكن الإسكان البناء
أعلن أكد أوضح قال أشار كشف أفاد طالب دعا قرر وافق رفض بحث ناقش استعرض وقع أطلق افتتح زار استقبل التقى
ارتفع انخفض تراجع تحسن زاد بلغ سجل حقق واجه يواجه يشهد يتوقع يسعى يهدف يعمل يستمر يبدأ ينتهي
الجديد الجديدة الكبير الكبيرة الأول الأولى الثاني الثانية الماضي الماضية المقبل المقبلة الحالي الحالية
الدولي الدولية المحلي المحلية الوطني الوطنية الإقليمي الإقليمية الرسمي الرسمية العام العامة الخاص الخاصة
خلال بعد قبل منذ حتى نحو حول بين على في من إلى عن مع لدى أمام ضد وفق عبر دون
اليوم أمس الأسبوع الشهر العام السنة المرحلة الفترة الساعات الأيام الأشهر السنوات
""".split()

AR_CONNECT = "و ثم كما بينما حيث إذ لكن غير أن".split()

EN_WORDS = """
government minister president parliament council committee ministry company city capital region country state
people citizens residents experts analysts officials observers economy market prices oil gas energy electricity
water farming industry trade investment budget taxes debt bank central currency inflation growth unemployment
salaries wages education schools universities students teachers health hospitals doctors patients vaccine
medicine environment climate rain drought heat floods roads transport airport port railway cars project plan
programme agreement talks negotiations dialogue crisis dispute cooperation partnership relations diplomacy
ambassador foreign interior security army border peace elections candidates parties opposition law constitution
court judiciary justice rights freedoms media press culture arts festival exhibition book sport team tournament
stadium coach players fans technology internet phone data artificial intelligence youth women children families
villages districts housing construction announced confirmed explained said noted revealed reported demanded
called decided agreed rejected discussed reviewed signed launched opened visited received met rose fell
declined improved increased reached recorded achieved faced faces expects seeks aims works continues begins
ends new large first second last next current international local national regional official public private
during after before since until about around between on in from to with under against across without today
yesterday week month year stage period hours days months years the the the a a of of and and for that this
""".split()

EN_CONNECT = "and while as but whereas although since because so".split()

# Ten categories and fifty tags, split between the two languages.
AR_CATEGORIES = ["أخبار سياسية", "اقتصاد وأعمال", "رياضة", "ثقافة وفنون", "علوم وتكنولوجيا"]
EN_CATEGORIES = ["World News", "Business", "Sport", "Culture", "Science and Technology"]
AR_TAGS = ["روسيا", "أذربيجان", "مصر", "السعودية", "الإمارات", "قطر", "الأردن", "لبنان", "سوريا", "العراق",
           "المغرب", "تونس", "الجزائر", "فلسطين", "الأمم المتحدة", "الاتحاد الأوروبي", "النفط", "الطاقة المتجددة",
           "كرة القدم", "الانتخابات", "التعليم", "الصحة العامة", "المناخ", "الذكاء الاصطناعي", "السياحة"]
EN_TAGS = ["Russia", "Azerbaijan", "Egypt", "Saudi Arabia", "United Arab Emirates", "Qatar", "Jordan", "Lebanon",
           "Syria", "Iraq", "Morocco", "Tunisia", "Algeria", "Palestine", "United Nations", "European Union", "Oil",
           "Renewable Energy", "Football", "Elections", "Education", "Public Health", "Climate", "Artificial Intelligence",
           "Tourism"]
AR_AUTHORS = ["ليلى حسن", "أحمد منصور", "سارة عبد الله", "محمد العلي", "نور الهدى سالم", "يوسف خليل", "هالة فريد",
              "عمر الشامي"]
EN_AUTHORS = ["Laila Hassan", "Ahmed Mansour", "Sarah Abdullah", "Mohammed Al-Ali", "Nour Salem", "Youssef Khalil",
              "Hala Farid", "Omar Shami"]

# Rare words: (word, period, remainder): article i gets the word in its lead when i % period == remainder; Arabic
# words in Arabic (even) articles, English ones in English (odd) articles. Neither word nor stem is in the vocabulary.
# Of N articles, about N / period have the word: 0.5% and 0.1%.
RARE_WORDS = {
    "ar": [("الزعفران", 200, 198), ("القرنفل", 1000, 996)],
    "en": [("saffron", 200, 199), ("cloves", 1000, 997)],
}

LANGS = {
    "ar": (AR_WORDS, AR_CONNECT, AR_CATEGORIES, AR_TAGS, AR_AUTHORS, "، ", "."),
    "en": (EN_WORDS, EN_CONNECT, EN_CATEGORIES, EN_TAGS, EN_AUTHORS, ", ", "."),
}


def sentence(rng, words, connect, comma, stop, n_words, capitalise):
    """n_words words, a clause break in the middle of longer ones, a full stop at the end."""
    out = [rng.choice(words) for _ in range(n_words)]
    if n_words >= 12:
        cut = rng.randint(5, n_words - 5)
        out[cut - 1] += comma.rstrip()
        out[cut] = rng.choice(connect)
    text = " ".join(out)
    if capitalise:
        text = text[0].upper() + text[1:]
    return text + stop


def paragraph(rng, spec, n_words, capitalise):
    words, connect, _, _, _, comma, stop = spec
    parts, left = [], n_words
    while left > 0:
        n = min(left, rng.randint(10, 18))
        if left - n < 5:
            n = left
        parts.append(sentence(rng, words, connect, comma, stop, n, capitalise))
        left -= n
    return " ".join(parts)


def headline(rng, spec, n_words, capitalise):
    words = spec[0]
    text = " ".join(rng.choice(words) for _ in range(n_words))
    return text[0].upper() + text[1:] if capitalise else text


def article(i):
    """The i-th article (0-based): even numbers Arabic, odd numbers English."""
    rng = random.Random(SEED * 1_000_003 + i)
    lang = "ar" if i % 2 == 0 else "en"
    spec = LANGS[lang]
    en = lang == "en"
    _, _, categories, tags, authors, _, _ = spec
    sections = []
    for _ in range(5):
        bullets = [paragraph(rng, spec, rng.randint(15, 26), en) for _ in range(rng.randint(2, 3))]
        sections.append({"heading": headline(rng, spec, rng.randint(4, 8), en), "bullets": bullets})
    # Drawn in this order (title, subtitle, lead, then the rest below): the order fixes every article's text.
    title = headline(rng, spec, rng.randint(8, 13), en)
    subtitle = paragraph(rng, spec, rng.randint(16, 24), en)
    lead = paragraph(rng, spec, rng.randint(40, 60), en)
    rare = [w for w, period, remainder in RARE_WORDS[lang] if i % period == remainder]
    if rare:
        first, rest = lead.split(" ", 1)
        lead = " ".join([first] + rare + [rest])
    return {
        "language": lang,
        "status": "published",
        "category": {"name": categories[(i // 2) % len(categories)]},
        "title": title,
        "subtitle": subtitle,
        "lead": lead,
        "sections": sections,
        "closing": paragraph(rng, spec, rng.randint(30, 45), en),
        # Tags: one chosen by number (so that the first 50 articles use every tag) and 2-4 more at random.
        "tags": list(dict.fromkeys([tags[(i // 2) % len(tags)]] + rng.sample(tags, rng.randint(2, 4)))),
        "authors": [{"name": a} for a in rng.sample(authors, rng.choice((1, 1, 1, 2)))],
    }


def words_in(a):
    return len(" ".join([a["title"], a["subtitle"], a["lead"], a["closing"]]
                        + [s["heading"] for s in a["sections"]]
                        + [b for s in a["sections"] for b in s["bullets"]]).split())


class Client:
    """One keep-alive connection per thread."""

    local = threading.local()

    def __init__(self, host, port, token, timeout):
        self.host, self.port, self.token, self.timeout = host, port, token, timeout

    def conn(self):
        c = getattr(self.local, "conn", None)
        if c is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.local.conn = c
        return c

    def post(self, path, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json",
                   "Accept": "application/json"}
        for attempt in range(3):
            c = self.conn()
            try:
                c.request("POST", path, body=data, headers=headers)
                r = c.getresponse()
                payload = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    c.close()
                    self.local.conn = None
                return r.status, payload
            except (http.client.HTTPException, OSError):
                # A keep-alive connection the server closed meanwhile: reconnect and resend.
                c.close()
                self.local.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def create(client, i, stats):
    body = article(i)
    for attempt in range(5):
        status, payload = client.post("/api/v1/articles", body)
        if status == 201:
            a = json.loads(payload)
            return i, a["id"], a["slug"], a["language"]
        if status == 409 and attempt < 4:
            # Two identical titles sent at once can race for the same slug; the second try gets "-2".
            with stats["lock"]:
                stats["retries"] += 1
            continue
        raise RuntimeError("article %d: HTTP %d: %s" % (i, status, payload[:2000].decode("utf-8", "replace")))
    raise AssertionError("unreachable")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:8089")
    p.add_argument("--token", default="bench")
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--out", help="shell-sourceable file to write ids and slugs to")
    p.add_argument("--dump", type=int, metavar="I", help="print the JSON of article I and exit")
    args = p.parse_args()

    if args.dump is not None:
        print(json.dumps(article(args.dump), ensure_ascii=False, indent=2))
        return 0
    if args.count < 2:
        p.error("--count must be at least 2 (one Arabic and one English article)")

    u = urllib.parse.urlsplit(args.url)
    client = Client(u.hostname, u.port or 80, args.token, timeout=60)
    stats = {"lock": threading.Lock(), "retries": 0}
    created = {}

    # Sequential prelude: every category and tag once, so that concurrent writers only ever find them.
    prelude = min(args.count, 2 * max(len(AR_TAGS), len(EN_TAGS), len(AR_CATEGORIES), len(EN_CATEGORIES)))
    started = time.monotonic()
    for i in range(prelude):
        r = create(client, i, stats)
        created[r[0]] = r
    done, last_report = prelude, time.monotonic()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        futures = [pool.submit(create, client, i, stats) for i in range(prelude, args.count)]
        try:
            for f in as_completed(futures):
                r = f.result()
                created[r[0]] = r
                done += 1
                now = time.monotonic()
                if now - last_report >= 10:
                    print("  %d/%d articles, %.0f/s" % (done, args.count, done / (now - started)), file=sys.stderr,
                          flush=True)
                    last_report = now
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    elapsed = time.monotonic() - started

    sample = min(args.count, 200)
    print("loaded %d articles in %.1f s: %.0f articles/s (%d threads, %d slug retries; ~%d words per article)"
          % (args.count, elapsed, args.count / elapsed, args.threads, stats["retries"],
             sum(words_in(article(i)) for i in range(sample)) // sample))

    if args.out:
        # The middle Arabic article, and a few more of each language, for the read benchmarks.
        mid = (args.count // 2) & ~1
        ar = [created[i] for i in sorted(created) if created[i][3] == "ar"]
        en = [created[i] for i in sorted(created) if created[i][3] == "en"]
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("# Written by src/bench/load.py: articles to read in the benchmark.\n")
            f.write("ARTICLES_LOADED=%d\nLOAD_SECONDS=%.1f\nLOAD_RATE=%.0f\n" % (args.count, elapsed, args.count / elapsed))
            f.write("BENCH_ID=%s\n" % created[mid][1])
            f.write("BENCH_SLUG_PATH=%s\n" % urllib.parse.quote(created[mid][2], safe=""))
            f.write("BENCH_IDS='%s'\n" % " ".join(a[1] for a in (ar[:3] + en[:3])))
            f.write("BENCH_AR_SLUG_PATHS='%s'\n" % " ".join(urllib.parse.quote(a[2], safe="") for a in ar[:3]))
            f.write("BENCH_EN_SLUG_PATHS='%s'\n" % " ".join(urllib.parse.quote(a[2], safe="") for a in en[:3]))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # one line for the caller's log, not a stack of futures
        print("load.py: %s" % e, file=sys.stderr)
        sys.exit(1)
