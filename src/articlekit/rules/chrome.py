"""Chrome lines: lines that are never the article, in the languages we read.

Each :class:`~articlekit.rules._types.ChromeRule` is matched against one whole,
whitespace-collapsed line, case-insensitively; its ``id`` is recorded in the
:class:`~articlekit.article.Removal` when it fires. Phrases are written per
language (``*``: no language) in template slots; the examples of each language
are tested against the row (``tests/test_rules.py``).

Groups:

* ``safe`` — lines that are chrome wherever they stand (buttons, rail headings).
* ``aggressive`` — rules that can cost real text on odd pages (everything after
  a rail heading). The chrome stage's safety valve drops this group when
  stripping would leave too little text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._types import ChromeRule, P

__all__ = [
    "CHROME_LINES",
    "DANGLING_LABEL_MAX_WORDS",
    "END_MARKERS",
    "END_MARKER_MIN_POSITION",
    "NETWORK",
    "PROSE_END_CHARACTERS",
    "PROSE_MIN_WORDS",
    "RESUME_PROSE_RUN",
    "SAFETY_VALVE",
    "SafetyValve",
]

#: Social networks named in "follow us" lines.
NETWORK = (
    r"(?:twitter|x|facebook|instagram|youtube|linkedin|tiktok|threads|bluesky|mastodon"
    r"|google news|telegram|whatsapp|pinterest|snapchat|reddit|twitch|flipboard)"
)
#: A host name: "also on example.org".
_DOMAIN = r"(?:[\p{L}\p{N}&'-]+\.)*[\p{L}\p{N}&'-]+\.[a-z]{2,6}"
#: What may follow a "read more" label: a teaser title.
_TEASER = r"(?:\s.{0,120})?"

CHROME_LINES: tuple[ChromeRule, ...] = (
    # Navigation strips and "see all" links that follow video and section rails.
    ChromeRule(
        "see-all",
        "a 'see all' navigation link",
        (
            P(
                "en",
                r"(?:(?:see|view|show) all\b[\p{L}\p{N}.&'’ -]{0,30}\s*){1,4}",
                examples=("See all Video", "View all stories", "See all Video See all Audio"),
                not_examples=("We could see all the boats from the pier.",),
            ),
        ),
    ),
    # Buttons that load teasers.
    ChromeRule(
        "load-more",
        "a button that loads more teasers",
        (
            P(
                "en",
                r"(?:load|show|view) more(?: (?:stories|articles|news|posts|comments))?",
                examples=("Load more", "Show more stories"),
                not_examples=("Show more courage",),
            ),
        ),
    ),
    # Headings of teaser rails; also used as end markers (see END_MARKERS).
    # A table cell's bars may wrap the heading: "| Related articles |".
    ChromeRule(
        "rail-heading",
        "the heading of a teaser rail",
        (
            P(
                "en",
                # "Most read", "<Site>'s most read stories of 2031", "Trending this week"
                r"(?:[\p{L}\p{N}&.' -]{2,30}[’']s )?"
                r"(?:most (?:popular|read|viewed|shared|commented)(?: (?:stories|articles|posts))?"
                r"|trending(?: now| stories)?)(?: (?:of|in) \d{4}| this week| today| right now)?",
                r"(?:recommended|related|more|top|latest|popular) "
                r"(?:for you|stories|articles|news|posts|videos?|reads?)",
                r"you (?:may|might) (?:also )?like",
                r"don[’']t miss",
                r"editor[’']s picks",
                r"recommended",
                r"related content",
                # "Most read in World News", "Popular on <site>", "Explore further"
                r"most (?:read|popular|viewed) in [\p{L}\p{N}&' ]{2,30}",
                r"(?:popular|top reads|trending|most read) on [\p{L}\p{N}.&' ]{2,30}?"
                r"(?: this week| today| right now)?",
                r"more from [\p{L}\p{N}.&' ]{2,30}",
                r"explore further",
                # "Also on <site>": a rail of the network's other titles.
                r"also on " + _DOMAIN,
                examples=(
                    "Most Popular",
                    "| Related articles |",
                    "Harbor Times's most read stories of 2031",
                    "You may also like",
                    "Most read in World News",
                    "More from Harbor Notes",
                    "Also on example.org",
                ),
                not_examples=("Most readers stayed until the end.", "Related to the port"),
            ),
            P(
                "de",
                r"meistgelesen(?:e artikel)?",
                r"weitere themen",
                r"weitere (?:artikel|beiträge|themen|nachrichten)"
                r"(?: zum thema| aus [\p{L} ]{2,40})?",
                r"weitere aktuelle (?:themen|artikel|nachrichten)(?: [\p{L} ]{2,40})?",
                r"kommentierte artikel",
                r"mehr themen",
                r"auch (?:auf|bei) " + _DOMAIN,
                examples=(
                    "Meistgelesen",
                    "Weitere Nachrichten aus Hamburg",
                    "Auch auf beispiel.de",
                ),
                not_examples=("Meistgelesen war der Bericht über den Hafen.",),
            ),
            P(
                "es",
                r"contenido relacionado",
                r"(?:notas|noticias) relacionadas",
                examples=("Noticias relacionadas",),
                not_examples=("Lo más leído del año fue un poema",),
            ),
            P(
                "fr",
                r"à lire aussi",
                examples=("À lire aussi",),
                not_examples=("Les plus lus des livres restent chez nous",),
            ),
        ),
        template=r"(?:\|\s*)?{phrases}\s*(?::|\.{3}|…)?(?:\s*\|)?",
    ),
    # Headings of the lists that close an article: its sources, references,
    # picture credits. Also end markers: the citations under them go too.
    ChromeRule(
        "sources-heading",
        "the heading of the article's sources or credits",
        (
            P(
                "en",
                r"sources?",
                r"references",
                r"(?:photo|image|picture) credits",
                r"footnotes",
                examples=("Sources", "Our sources:", "Photo credits"),
                not_examples=("Sources say the harbour will close.",),
            ),
            P(
                "de",
                r"quellen(?:angaben|verzeichnis)?",
                r"literatur(?:verzeichnis|hinweise)?",
                r"bildnachweise?",
                examples=("Quellen:", "Literaturverzeichnis", "Bildnachweis"),
                not_examples=("Quellen berichten von einem Streit",),
            ),
            P(
                "fr",
                r"bibliographie",
                examples=("Bibliographie",),
                not_examples=("Références culturelles du film",),
            ),
        ),
        template=r"(?:our |key |main )?{phrases}\s*:?",
    ),
    # Ad slot labels.
    ChromeRule(
        "ad-label",
        "an advertisement slot label",
        (
            P(
                "en",
                r"advertisements?",
                r"advertising",
                # "Story continues below advertisement", "Article continues after this ad"
                r"(?:the )?(?:story|article|text|post|content) continues (?:below|after)"
                r"(?: (?:(?:this|the|an?) )?(?:ad|advert|advertisement))?",
                r"(?:advertisement\s*[-–:]\s*)?scroll (?:down )?to continue"
                r"(?: reading| with content)?",
                r"advertisement\s*[-–|]\s*.{1,100}",
                examples=(
                    "Advertisement",
                    "Story continues below advertisement",
                    "Advertisement - Scroll to continue",
                ),
                not_examples=("Advertising pays for the paper.",),
            ),
            P(
                "de",
                r"anzeige",
                r"werbung",
                r"(?:weiter(?:lesen)?|lesen sie) nach der (?:anzeige|werbung)(?: weiter)?",
                r"(?:anzeige|werbung)\s*[-–|]\s*.{1,100}",
                examples=("Anzeige", "Weiterlesen nach der Anzeige", "Werbung | Hafenbäckerei"),
                not_examples=("Anzeige erstattet hat der Nachbar",),
            ),
            P(
                "fr",
                r"(?:la suite|l[’']article continue) après (?:la|cette) publicité",
                examples=("L'article continue après la publicité",),
                not_examples=("Publicité mensongère au marché",),
            ),
        ),
    ),
    # Share bars: a line of network names or a share call to action.
    ChromeRule(
        "share",
        "a share bar",
        (
            P("en", r"share", slot="verb"),
            P("de", r"teilen", slot="verb"),
            P(
                "en",
                r"(?:this|the) (?:article|story|post|page|video)",
                r"(?:on|via) [\p{L} ]{2,30}",
                slot="object",
                examples=("Share", "Share this article", "Share on Facebook"),
                not_examples=("Share prices fell on Monday as the port closed.",),
            ),
            P(
                "de",
                r"(?:diesen|dieses) (?:artikel|beitrag)",
                slot="object",
                examples=("Teilen", "Teilen diesen Artikel"),
                not_examples=("Teilen ist das neue Haben, sagt sie.",),
            ),
            P(
                "*",
                r"(?:(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit|pinterest"
                r"|telegram|copy link|flipboard|tweet)[\s,|·•]*){2,}",
                examples=("Facebook Twitter WhatsApp", "Facebook | Twitter | E-Mail"),
                not_examples=("Facebook said it would appeal.",),
            ),
            P(
                "en",
                # "Like this story? Share it with a friend!"
                r"(?:like|liked|enjoy|enjoyed|love) (?:this|the) (?:article|story|post)\?\s*"
                r"share (?:it|this)\b.{0,60}",
            ),
        ),
        template=r"{verb}(?: {object})?[:!.]?|{phrases}",
    ),
    # Newsletter and subscription boxes.
    ChromeRule(
        "newsletter",
        "a newsletter or subscription box",
        (
            P(
                "en",
                r"(?:sign up|subscribe|register)\b.{0,60}"
                r"\b(?:newsletter|updates|inbox|briefing)s?\b.*",
                r"newsletter(?: sign[- ]?up)?",
                r"thanks? (?:you )?for (?:signing up|subscribing)!?",
                # "This article was featured in the Daily Brief newsletter. Sign up for it here."
                r".{0,80}\bnewsletters?\b.{0,20}[.!]\s*sign(?:ing)? up\b.{0,40}",
                r"(?:keep an eye on|check) your inbox\b.{0,80}",
                r"your subscription (?:has been|is) confirmed.*",
                r"subscribe now\b.{0,100}",
                examples=(
                    "Sign up for our morning newsletter",
                    "Newsletter",
                    "Thank you for signing up!",
                    "Check your inbox to confirm.",
                    "Subscribe now and save 40%",
                ),
                not_examples=("The newsletter was printed on the old press every week.",),
            ),
            P(
                "de",
                r"(?:zum )?newsletter (?:anmelden|bestellen|abonnieren)",
                examples=(
                    "Zum Newsletter anmelden",
                    "Newsletter abonnieren",
                    "Jederzeit kündbar.",
                    "Einfach hier klicken und registrieren!",
                ),
                not_examples=("Der Newsletter erschien früher wöchentlich.",),
            ),
            P(
                "pl",
                r"zapraszamy (?:też |także |również )?do (?:subskrypcji|prenumeraty)\b.{0,140}",
                examples=("Zapraszamy do subskrypcji naszego serwisu",),
                not_examples=("Zapraszamy na festyn w porcie",),
            ),
            # A newsletter box's own heading: "Harbor Notes Newsletter".
            P(
                "*",
                r"(?-i:\p{Lu})[\p{L}\p{N}'’&.+-]*(?: [\p{L}\p{N}'’&.+-]+){0,4} (?-i:N)ewsletter",
                examples=("Harbor Notes Newsletter",),
                not_examples=("our newsletter",),
            ),
            P("en", r"sign(?:ing)? up|subscrib\w*", slot="subscribe"),
            P("de", r"abonnier\w*", slot="subscribe"),
            # A subscription pitch closing on its terms: "... Cancel anytime."
            P("en", r"cancel (?:any ?time|at any time)", slot="cancel"),
            P("de", r"jederzeit kündbar", slot="cancel"),
            P(
                "es",
                r"cancela cuando quieras",
                slot="cancel",
                examples=("Acceso ilimitado por 1 euro al mes. Cancela cuando quieras.",),
                not_examples=("Cancela la reunión del jueves",),
            ),
            # "Just click here and register for the digital edition!"
            P("de", r"(?:einfach )?hier klicken", slot="click"),
            P("en", r"click here", slot="click"),
            P("de", r"registrieren", slot="register"),
            P("en", r"register", r"sign up", r"subscribe", slot="register"),
        ),
        template=(
            r"{phrases}"
            r"|.{0,80}\b{subscribe}\b.{0,60}\bnewsletters?\b.{0,60}"
            r"|(?:.{1,140}[.!?]\s+)?{cancel}[.!]?"
            r"|.{0,80}\b{click}\b.{0,40}\b{register}\b.{0,60}"
        ),
        max_chars=160,
        needs=(
            "sign",
            "subscri",
            "regist",
            "newsletter",
            "inscri",
            "suscr",
            "thank",
            "abonn",
            "inbox",
            "zapraszamy",
            "cancel",
            "kündbar",
            "sans engagement",
            "résiliable",
            "anuluj",
            "klick",
            "click",
            "cliq",
            "clic",
            "kliknij",
        ),
    ),
    # "Read more" links to other articles.
    ChromeRule(
        "read-more",
        "a 'read more' link",
        (
            P(
                "en",
                r"(?:read|see) (?:more|also|next)(?:\s*[:»›>…|-].{0,100}| (?:here|stories|articles)"
                # "Read more on <site or topic>": a heading over links, no sentence.
                r"| (?:on|from|at) [\p{L}\p{N}.&'’ ]{2,40})?",
                r"related:.{0,120}",
                # "Follow our full coverage of the election at https://..."
                r"(?:follow|find|see|read) (?:[\p{L}\p{N}.&-]+[’']s |our )"
                r"(?:full |latest |complete )?"
                r"coverage (?:of|on) .{1,80}? (?:at|on) (?:https?://|www\.)\S+",
                # "Also read: <teaser title>": the label and its colon make the
                # line a link, whatever title follows.
                r"(?:also read|read also|see also|also|more|related story|recommended)\s*:.{0,120}",
                r"(?:more|further) (?:info|information|details)(?: (?:at|on))?"
                r" (?:https?://|www\.)\S+",
                # "More on this soon on our website."
                r"(?:more|further) (?:info|information|details)\b.{0,60}\b(?:on|at) (?:our|the)"
                r" (?:website|web site|homepage)\b.{0,60}",
                examples=(
                    "Read more",
                    "Read more: The harbour's new ferry",
                    "Also read: Five walks along the pier",
                    "More information at www.example.org",
                ),
                not_examples=("Read more about it in the council minutes, she said.",),
            ),
            P(
                "de",
                r"mehr zum thema(?:\s*:.{0,100})?",
                r"lesen sie auch(?:\s*:.{0,100})?",
                r"(?:auch interessant|lesen sie (?:auch|mehr)|mehr dazu|siehe auch"
                r"|das könnte sie (?:auch )?interessieren)\s*[:?]?" + _TEASER,
                r"schon gelesen\s*\??",
                r"zum weiterlesen\s*:?" + _TEASER,
                r"mehr zum thema (?:auf|bei) .{1,60}",
                r"(?:das thema|diese themen|das) könnte (?:dich|sie) (?:auch )?interessieren\s*:?",
                # "More information at www.example.org", "Further information on X:".
                r"(?:weitere|mehr) (?:infos?|informationen)(?: (?:gibt es )?(?:unter|auf|bei))?"
                r" (?:https?://|www\.)\S+",
                r"(?:weitere|mehr) (?:infos?|informationen) (?:zu[mr]?|über|rund um) .{1,80}:",
                r"(?:weitere|mehr) (?:infos?|informationen)\b.{0,60}\b(?:auf|unter) (?:der|unserer"
                r"|unsere[rn]?) (?:website|webseite|homepage|internetseite)\b.{0,60}",
                # A sentence that only points to a link: "All about the bridge can be found here."
                r".{1,100}\b(?:findest du|finden sie|findet ihr) (?:hier|unter diesem link)\W{0,3}",
                examples=(
                    "Lesen Sie auch: Die neue Fähre",
                    "Schon gelesen?",
                    "Mehr Infos unter www.beispiel.de",
                    "Alles über die Brücke finden Sie hier.",
                ),
                not_examples=("Weiterlesen konnte er nicht, das Licht ging aus.",),
            ),
            P(
                "fr",
                r"lire (?:la suite|aussi)(?:\s*:.{0,100})?",
                examples=("Lire la suite",),
                not_examples=("Lire la suite des événements dans le journal local",),
            ),
            P(
                "es",
                r"(?:mira|lee)\s*:.{0,120}",
                r"(?:lea|lee|mire|vea|ver) (?:también|más|además)\s*:.{0,120}",
                r"(?:lea|mire|vea)\s*:.{0,120}",
                r"(?:también )?(?:le|te) puede interesar\s*:?" + _TEASER,
                examples=("Lea también: El nuevo ferry", "Te puede interesar"),
                not_examples=("Leer más libros es su propósito del año.",),
            ),
            P(
                "pl",
                r"(?:czytaj|zobacz) (?:też|także|więcej)\s*:?" + _TEASER,
                r"dowiedz się więcej\s*:?" + _TEASER,
                examples=("Czytaj też: Nowy prom", "Dowiedz się więcej"),
                not_examples=("Zobacz, jak działa nowy prom.",),
            ),
            P(
                "it",
                r"(?:leggi|vedi) anche(?: su)?\s*:?" + _TEASER,
                examples=("Leggi anche: Il nuovo traghetto",),
                not_examples=("Leggi la storia del porto",),
            ),
            # Links to the next page or part: "... weiter zu 'Der Hafen'", "Continue to
            # part 2". Prose says "continue to stir": an ellipsis or a part must show.
            P("de", r"weiter(?: zu[mr]?)?", slot="onward"),
            P("en", r"continue to", slot="to_part"),
            P("en", r"part", slot="part"),
        ),
        template=(
            r"{phrases}"
            r"|(?:\.{3}|…|»|›|>)\s*{onward}\b.{0,100}"
            r"|{to_part} (?:(?:the )?next )?{part}\b.{0,100}"
        ),
        max_chars=140,
    ),
    # Copyright and rights lines of the page footer.
    ChromeRule(
        "copyright",
        "a copyright line",
        (
            P(
                "*",
                r"(?:[©ⓒ]|\(c\)|copyright)\s*:?\s*(?:[©ⓒ]\s*)?(?:\d{4}|\p{L}).{0,180}",
                examples=("© 2031 Harbor Notes", "Copyright: Harbor Media Group"),
                not_examples=("The copyright dispute went to court.",),
            ),
            P(
                "en",
                r".{0,120}all rights reserved\.?.{0,120}",
                # Reuse notices: "Reproduction only with written permission".
                r"(?:any )?(?:reproduction|republication|redistribution)\b.{0,60}"
                r"\bwithout (?:the )?"
                r"(?:prior |express )?(?:written )?(?:permission|consent)\b.{0,80}",
                r"(?:any )?(?:reproduction|republication|redistribution)(?: \p{L}+){0,4}"
                r" (?:is )?(?:strictly )?(?:prohibited|forbidden|not permitted)\W{0,2}",
                examples=(
                    "Harbor Media. All rights reserved.",
                    "Reproduction is strictly prohibited.",
                ),
                not_examples=("Reproduction of the old map took a year.",),
            ),
            P(
                "de",
                r"alle rechte vorbehalten.{0,80}",
                r"(?:jede )?(?:vervielfältigung|weiterverbreitung|nachdruck)"
                r"(?: \p{L}+){0,3} nur mit"
                r" (?:\p{L}+ )?(?:genehmigung|zustimmung|erlaubnis)\b.{0,80}",
                examples=(
                    "Alle Rechte vorbehalten.",
                    "Nachdruck nur mit schriftlicher Genehmigung",
                ),
                not_examples=("Der Nachdruck der Karte dauerte ein Jahr.",),
            ),
            P(
                "fr",
                r"(?:toute )?reproduction (?:\p{L}+ ){0,3}interdite\b.{0,80}",
                examples=("Reproduction interdite",),
                not_examples=("La reproduction des oiseaux au printemps",),
            ),
            # Licence notices of the site's content: "Unless otherwise noted, the
            # content of this site is licensed under CC BY".
            P(
                "en",
                r"unless otherwise (?:noted|stated|indicated|specified)",
                slot="unless",
            ),
            P(
                "de",
                r"sofern nicht anders (?:ausgewiesen|angegeben|vermerkt|gekennzeichnet)",
                slot="unless",
            ),
        ),
        template=(
            r"{phrases}"
            r"|{unless}.{0,160}"
            r"\b(?:licen[cs]\p{L}*|lizen\p{L}*|cc[- ]by\b|creative commons)\b.{0,80}"
        ),
        max_chars=260,
    ),
    # Comment-section headings and prompts. A heading may carry its note in
    # brackets: "No comments (moderated)".
    ChromeRule(
        "comments",
        "a comments heading or prompt",
        (
            P(
                "en",
                r"\d*\s*comments?",
                r"leave a (?:comment|reply)",
                r"(?:no|view|show|see all) comments",
                r"reply",
                r"(?:tell us|let us know) what you think\W*",
                r"have your say\W*",
                examples=("12 Comments", "Leave a reply", "No comments (moderated)"),
                not_examples=("Comments from the mayor surprised the council.",),
            ),
            P(
                "de",
                r"(?:keine|alle) kommentare",
                r"\d*\s*kommentare?",
                r"(?:du musst|sie müssen) (?:eingeloggt|angemeldet).{0,120}",
                r"kommentare (?:werden|erscheinen) erst nach .{0,40}(?:freigabe|prüfung)\b.{0,40}",
                examples=(
                    "Keine Kommentare",
                    "3 Kommentare",
                ),
                not_examples=("Kommentare aus dem Rathaus blieben aus.",),
            ),
            P(
                "es",
                r"los comentarios (?:son|serán|están) (?:moderados|revisados)\b.{0,80}",
                examples=("Los comentarios son moderados.",),
                not_examples=("Comentarios del alcalde sobre el puerto",),
            ),
            P(
                "pt",
                r"(?:atenção:\s*)?(?:os )?comentários\b.{0,120}\b(?:moderad\p{L}*|pelo moderador)"
                r"\b.{0,40}",
                examples=("Atenção: os comentários são moderados.",),
                not_examples=("Os comentários do prefeito",),
            ),
        ),
        template=r"{phrases}(?:\s*\([^()]{1,120}\))?",
        max_chars=160,
    ),
    # Picture credits set apart from the text.
    ChromeRule(
        "credit",
        "a picture credit or caption",
        (
            P(
                "en",
                r"photo|photos|image|images|picture|credits?"
                r"|(?:photo|image|picture|gallery|video|cover|header) credits?",
                slot="label",
            ),
            P("de", r"titelbild|bild|foto|fotos", slot="label"),
            P("fr", r"crédits? photos?|crédit", slot="label"),
            P("es", r"fuente|foto de portada", slot="label"),
            P("de", r"beitragsbild|titelbild", slot="lead"),
            P("en", r"featured image|header image", slot="lead"),
            # Numbered figure captions: "Figure 3: The bridge in 1910."
            P("de", r"abbildung|abb\.|grafik", slot="figure"),
            P("en", r"figure|fig\.", slot="figure"),
            # A caption that ends with its picture credit: "The pier at dusk. © Agency / Name".
            P(
                "*",
                r".{1,160}\s(?:[|/]\s*)?©\s*(?-i:\p{Lu})[\p{L}\p{N} .&/_-]{1,60}",
                # A stock or wire agency and the photographer: "Getty Images / Jane Doe".
                r"(?:[\p{L}.' -]{2,40}\s*/\s*)?(?:shutterstock|getty images|istock(?:photo)?"
                r"|imago(?: images)?|picture[- ]alliance|ap photo|afp|dpa|reuters|epa)"
                r"(?:\s*(?:/|via|\|)\s*[\p{L}\p{N}.' &-]{2,60})?",
                examples=(
                    "The pier at dusk. © Harbor Agency / Jane Doe",
                    "Getty Images / Jane Doe",
                ),
                not_examples=("Reuters reported the closure on Monday.",),
            ),
            P(
                "en",
                examples=("Photo: Jane Doe", "Featured image", "Figure 3: The bridge in 1910."),
                not_examples=("Photos of the bridge were shown at the meeting.",),
            ),
            P(
                "de",
                examples=("Foto: Max Muster", "Beitragsbild", "Abb. 2: Der Hafen um 1900"),
                not_examples=("Fotos der Brücke wurden gezeigt.",),
            ),
            P(
                "fr",
                examples=("Crédit photo : Jeanne Dupont",),
                not_examples=("Crédit immobilier en hausse",),
            ),
            P(
                "es",
                examples=("Fuente: Ayuntamiento",),
                not_examples=("Fuente de la plaza mayor",),
            ),
        ),
        template=(
            r"{label}\s*:\s*.{1,80}"
            r"|{lead}(?:\s*:\s*.{1,80})?"
            r"|{figure}\s*\d{1,3}[a-z]?\s*:\s*.{1,200}"
            r"|{phrases}"
        ),
        max_chars=230,
        needs=(
            "bild",
            "foto",
            "photo",
            "image",
            "picture",
            "crédit",
            "credit",
            "fuente",
            "zdjęcie",
            "abb",
            "fig",
            "rysunek",
            "rys.",
            "grafik",
            "©",
            "shutterstock",
            "getty",
            "istock",
            "imago",
            "alliance",
            "afp",
            "dpa",
            "reuters",
            "epa",
        ),
    ),
    # Calls for news tips: "Got a tip? Email us at ...".
    ChromeRule(
        "tip-line",
        "a call for news tips",
        (
            P(
                "en",
                r"(?:do you )?(?:have|got) (?:a |any )?(?:news |story )?tips?(?: for us)?"
                r"\?.{0,140}",
                r"send (?:us )?(?:your )?(?:news |story )?tips? (?:to|at) .{1,100}",
                examples=("Got a tip? Email us at desk@example.org", "Send your tips to the desk"),
                not_examples=("Tips for the harbour walk: bring a coat.",),
            ),
        ),
        max_chars=160,
        needs=("tip",),
    ),
    # Gallery position counters ("1 of 57", "3 / 12").
    ChromeRule(
        "gallery-counter",
        "a gallery or result list position counter, or the prompt over a gallery",
        (
            P(
                "en",
                # A result list's counter: "Showing 1-10 of 19 results".
                r"(?:showing|displaying|viewing) (?:results? )?\d+\s*(?:-|–|to)\s*\d+ of \d+"
                r"(?: \p{L}+){0,2}\W{0,2}",
                # The prompt over a gallery: "Scroll through the gallery below to see ...".
                r"(?:scroll|click|swipe) (?:down |through |to )?(?:the |our )?(?:gallery|slideshow)"
                r"(?: below)? (?:to|for) (?:see|view|find|discover|more)\b.{0,100}",
                examples=("1 of 57", "Photo 3 of 12", "Showing 1-10 of 19 results"),
                not_examples=("One of the boats sank in 1957.",),
            ),
            P(
                "de",
                r"es werden (?:die )?(?:\p{L}+ )?\d+ bis \d+ (?:von|aus) (?:insgesamt )?\d+"
                r"(?: \p{L}+)? angezeigt\W{0,2}",
                examples=("Bild 2 von 9", "Es werden 1 bis 10 von 40 Treffern angezeigt"),
                not_examples=("Zwei von neun Booten liefen aus.",),
            ),
            P(
                "es",
                r"mostrando (?:resultados? )?\d+\s*(?:-|–|a)\s*\d+ de \d+(?: \p{L}+){0,2}",
                examples=("4 de 20", "Mostrando 1-10 de 40 resultados"),
                not_examples=("Cuatro de veinte barcos",),
            ),
            P("*", examples=("3 / 12",), not_examples=("3 / 12 / 2031",)),
        ),
        template=(
            r"(?:image|photo|slide|bild|foto)?\s*\d{1,3}\s*(?:of|von|de|sur|/)\s*\d{1,3}|{phrases}"
        ),
        max_chars=80,
    ),
    # Wire and newsroom credit lines under the text: who reported, wrote or
    # edited. They name staff, not the story.
    ChromeRule(
        "reporting-credit",
        "a reporting or editing credit",
        (
            P(
                "en",
                # "by" then a capitalised name: "Reporting by the council ..." is prose.
                r"(?:additional |with )?(?:reporting|writing|editing|research) by"
                r" (?-i:\p{Lu}).{1,220}",
                r".{2,120}\bcontributed (?:reporting|research"
                r"|to this (?:report|story|article))\b.{0,80}",
                r"(?:source|sources)\s*:\s*[\p{L}\p{N} ,&'’./()-]{2,60}",
                examples=(
                    "Reporting by Jane Doe; editing by John Smith",
                    "Jane Doe contributed reporting.",
                    "Source: News agencies",
                ),
                not_examples=("Reporting by the council was late.",),
            ),
            P(
                "de",
                r"quelle\s*:\s*[\p{L}\p{N} ,&'’./()-]{2,60}",
                examples=("Quelle: dpa",),
                not_examples=("Quelle am Berg",),
            ),
        ),
        max_chars=260,
        needs=(
            "reporting",
            "writing",
            "editing",
            "research",
            "contributed",
            "source",
            "quelle",
            "fuente",
            "fonte",
        ),
    ),
    # Calls to follow the site or the writer elsewhere, and contact lines.
    ChromeRule(
        "follow-us",
        "a call to follow the site or write to the author",
        (
            P(
                "en",
                r"(?:follow|like|subscribe to) (?:us|[\p{L}\p{N}.'’ ]{2,60}) on "
                r"(?:(?:and |& |or )?(?:on )?" + NETWORK + r"(?: \(?@\w+\)?)?(?:\s*,\s*|\s+)?)+"
                r"(?:(?:at|:)?\s*@?\S+(?:\s*(?:,|and|&)\s*@\S+)*)?"
                # "... on Facebook to make sure you're not missing out."
                r"(?: (?:to|so) (?:make sure|stay|keep|get|never|be|see|you)\b.{0,60})?[.!:]?"
                # ...often followed by how to write in: "Send us a message at ...".
                r"(?:\s+(?:send|e-?mail|write|message|contact|text) us\b.{1,160})?",
                r".{0,80}\bdownload (?:the|our) .{1,40} apps? (?:for|on) .{1,40}",
                r"(?:e-?mail|contact|reach) .{1,60}? (?:at|on) \S+@\S+.{0,160}",
                examples=(
                    "Follow us on Twitter and Facebook",
                    "Download the Harbor Notes app for iOS and Android",
                    "Contact the desk at desk@example.org",
                    "Join our Telegram channel for updates",
                    "Media contact: Jane Doe",
                ),
                not_examples=("Follow the river north to the old mill.",),
            ),
            P(
                "*",
                r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                r"(?:https?://)?(?:www\.)?twitter\.com/\w+",
                examples=("desk@example.org", "https://twitter.com/harbornotes"),
                not_examples=("desk at example dot org",),
            ),
            P(
                "de",
                examples=(
                    "Folgen Sie uns auf Instagram",
                    "Pressekontakt: Max Muster",
                ),
                not_examples=("Folgen Sie der Straße bis zum Hafen.",),
            ),
            P(
                "es",
                examples=(
                    "Síguenos en nuestras redes sociales",
                    "Escríbenos a redaccion@ejemplo.es",
                ),
                not_examples=("Síguenos leyendo mañana",),
            ),
            P(
                "fr",
                examples=("Suivez-nous sur Facebook",),
                not_examples=("Suivez-nous jusqu'au port",),
            ),
            # "Follow us on ...", "Write to us at ...", "Join our channel" verbs.
            P("es", r"síguenos", slot="follow_us"),
            P("de", r"folgen sie uns", r"folge uns", slot="follow_us"),
            P("fr", r"suivez-nous", slot="follow_us"),
            P("es", r"en", slot="on"),
            P("de", r"auf", slot="on"),
            P("fr", r"sur", slot="on"),
            P("es", r"redes sociales", slot="social"),
            P("de", r"sozialen (?:netzwerken|medien)", slot="social"),
            P("fr", r"réseaux sociaux", slot="social"),
            P("en", r"social media", r"social", slot="social"),
            P("es", r"puede escribirnos", r"escríbenos", slot="write_us"),
            # Invitations to the site's messenger channel: "Join our Telegram channel".
            P("en", r"join our", slot="join_our"),
            P("en", r"(?:telegram|whatsapp)[- ]?(?:channel|group)", slot="channel"),
            P("de", r"(?:telegram|whatsapp)[- ]?(?:kanal|gruppe)", slot="channel"),
            P("es", r"canal", slot="channel_noun"),
            P("es", r"únete", slot="join"),
            # Press contact headings of releases, with the person's name at most.
            P(
                "de",
                r"ansprechpartner(?:\*?in|innen)?",
                r"pressekontakt",
                r"pressesprecher(?:\*?in)?",
                slot="press",
            ),
            P("en", r"(?:media|press) contacts?", slot="press"),
        ),
        template=(
            r"{phrases}"
            r"|{follow_us} {on}\b.{0,60}\b(?:" + NETWORK + r"|{social})\b.{0,80}"
            r"|{write_us} .{0,20}\S+@\S+.{0,160}"
            r"|.{0,100}\b{join_our}\b.{0,60}\b(?:telegram|whatsapp|signal|discord)\b.{0,120}"
            r"|.{0,100}\b(?:{channel}|{channel_noun} (?:de |en |sur |na )?(?:telegram|whatsapp))"
            r"\b.{0,20}\b{join}\b.{0,120}"
            # The German article and desk words go with every language's heading.
            r"|(?:ihr(?:e)? )?{press}(?: (?:zum thema|für (?:die )?(?:presse|medien)))?\s*:?"
            r"(?:\s+(?-i:\p{Lu})[\p{L}.'’-]+(?: (?-i:\p{Lu})[\p{L}.'’-]+){0,3})?"
        ),
        max_chars=220,
        needs=(
            "follow",
            "like",
            "subscribe",
            "síg",
            "folg",
            "suivez",
            "obserwuj",
            "seguici",
            "siga",
            "sigam",
            "escrib",
            "schreib",
            "écrivez",
            "napisz",
            "write to",
            "scrivici",
            "join",
            "únete",
            "súmate",
            "tritt",
            "abonniere",
            "rejoignez",
            "dołącz",
            "unisciti",
            "telegram",
            "whatsapp",
            "download",
            "mail",
            "contact",
            "reach",
            "@",
            "twitter.com",
            "click here",
            "ansprechpartner",
            "pressekontakt",
            "medienkontakt",
            "pressesprecher",
            "kontakt",
        ),
    ),
    # How to reach the reporter, under the text: "Write to Jane Doe at
    # jane@example.com". An address, link or handle must follow.
    ChromeRule(
        "reporter-contact",
        "how to reach the reporter",
        (
            P(
                "en",
                r"(?:write to|reach|contact|e-?mail|message) (?:the )?"
                r"(?:reporters?|writers?|authors?"
                r"|editors?|(?-i:\p{Lu})[\p{L}.'’-]+(?: (?-i:\p{Lu})[\p{L}.'’-]+){0,3})"
                r"(?: with [\p{L} ]{1,40})?(?: on [\p{L} ]{2,20})?(?:,)? (?:at|via|on) "
                r".{0,80}?(?:\S+@\S+\.\p{L}+|https?://\S+|@\w+).{0,80}",
                examples=(
                    "Write to Jane Doe at jane.doe@example.org",
                    "Reach the reporter on @janedoe",
                ),
                not_examples=("Write to the council if you disagree.",),
            ),
        ),
        max_chars=220,
        needs=("write to", "reach", "contact", "mail", "message"),
    ),
    # Reading-time labels at the top of posts.
    ChromeRule(
        "reading-time",
        "a reading-time label",
        (
            P(
                "en",
                r"(?:estimated )?reading time",
                slot="label",
                examples=("Reading time: 4 minutes", "5 min read"),
                not_examples=("Reading time is precious",),
            ),
            P(
                "fr",
                r"temps de lecture",
                slot="label",
                examples=("Temps de lecture : 2 min",),
                not_examples=("Temps de lecture au calme",),
            ),
            P(
                "pt",
                r"tempo de leitura",
                slot="label",
                examples=("Tempo de leitura: 4 min",),
                not_examples=("Tempo de leitura em família",),
            ),
        ),
        template=(
            r"{label}\s*:?\s*(?:\d+|<\s*\d+|one|two|three)\s*\p{L}{1,10}\.?"
            r"|\d+\s*(?:-\s*)?min(?:ute)?s?\.? read"
        ),
        max_chars=40,
    ),
    # Category labels of blog and press-release templates.
    ChromeRule(
        "category-label",
        "a category label",
        (
            P(
                "en",
                r"category",
                r"categories",
                r"filed under",
                slot="category",
                examples=("Category: Notices", "Date: 04/21/2021 Category: Notices", "Tags:"),
                not_examples=("Category winners were named on Friday.",),
            ),
            P(
                "de",
                r"kategorie",
                r"kategorien",
                slot="category",
                examples=("Kategorie: Hafen", "Schlagwörter"),
                not_examples=("Kategorie B ist ausverkauft",),
            ),
            # A tag list's heading left without its tags, which are links.
            P("en", r"tags", r"topics", slot="tag_heading"),
            P("de", r"schlagwörter", slot="tag_heading"),
            P(
                "es",
                r"temas",
                r"etiquetas",
                slot="tag_heading",
                examples=("Temas", "Etiquetas:"),
                not_examples=("Temas del día en el puerto",),
            ),
            P(
                "fr",
                r"mots[- ]clés",
                slot="tag_heading",
                examples=("Mots-clés :",),
                not_examples=("Mots-clés et recherche avancée",),
            ),
            P("pl", r"tagi", r"tematy", slot="tag_heading"),
            P("pl", examples=("Tagi:",), not_examples=("Tagi pomagają czytelnikom",)),
            # A stamp may come first: "Date: 04/21/2021 Category: Notices".
            P("en", r"date", slot="date"),
            P("de", r"datum", slot="date"),
            P("es", r"fecha", slot="date"),
        ),
        template=(
            r"(?:(?:\p{L}+ )?{date}\s*:\s*[\d/.-]{6,10}\s+)?{category}(?:\s*:\s*.{1,60})?"
            r"|{tag_heading}\s*:?"
        ),
    ),
    # Table-of-contents headings of long posts (the entries repeat subheads).
    ChromeRule(
        "contents-heading",
        "a table-of-contents heading",
        (
            P(
                "de",
                r"inhaltsverzeichnis",
                examples=("Inhaltsverzeichnis",),
                not_examples=("Inhalt und Form",),
            ),
            P(
                "en",
                r"table of contents",
                r"contents",
                examples=("Table of Contents",),
                not_examples=("Contents of the box",),
            ),
        ),
        max_chars=25,
    ),
    # Login prompts of comment and member areas.
    ChromeRule(
        "login-prompt",
        "a login prompt",
        (
            P(
                "en",
                r"(?:you are|you're) (?:currently )?not (?:logged in|signed in).{0,60}",
                # "Log in to comment", "Already a subscriber? Sign in".
                r"(?:please )?(?:log ?in|sign ?in|register)(?: or (?:register|sign up|log ?in))?"
                r" to (?:comment|reply|continue|read|post|vote|see|view|access)\b.{0,60}",
                r"(?:already (?:a )?(?:subscriber|member|registered)|have an account)\??"
                r"(?:\s*(?:log ?in|sign ?in)(?: here)?[.!]?)?",
                examples=(
                    "You are not logged in.",
                    "Log in to comment",
                    "Already a subscriber? Sign in",
                ),
                not_examples=("Log in to the harbour office was slow.",),
            ),
            P(
                "de",
                r"(?:sie sind|du bist) (?:aktuell |derzeit )?nicht"
                r" (?:eingeloggt|angemeldet).{0,60}",
                r".{0,100}\b(?:müssen sie|musst du) (?:eingeloggt|angemeldet) sein\.?",
                r"(?:bitte )?(?:melden sie sich|melde dich|loggen sie sich|logge dich) (?:hier )?"
                r"(?:an|ein),? um\b.{1,80}",
                r"(?:bereits|schon) (?:abonnent(?:in)?|registriert|mitglied|kunde)\??"
                r"(?:\s*(?:hier )?(?:anmelden|einloggen)[.!]?)?",
                examples=(
                    "Sie sind nicht eingeloggt.",
                    "Bitte melden Sie sich an, um zu kommentieren.",
                    "Bereits Abonnent? Anmelden",
                ),
                not_examples=("Sie sind nicht allein, sagt der Bürgermeister.",),
            ),
            P(
                "fr",
                r"(?:connectez-vous|identifiez-vous|inscrivez-vous) pour (?:commenter|réagir|lire"
                r"|continuer|accéder)\b.{0,60}",
                examples=("Connectez-vous pour commenter",),
                not_examples=("Déjà vu au port",),
            ),
            P(
                "es",
                r"(?:inicia sesión|inicie sesión|regístrate|regístrese) para"
                r" (?:comentar|leer|continuar|acceder|ver)\b.{0,60}",
                examples=("Inicia sesión para comentar",),
                not_examples=("Ya es tarde en el puerto",),
            ),
        ),
        max_chars=120,
    ),
    # Affiliate and advertising disclosures set apart from the text.
    ChromeRule(
        "disclosure",
        "an affiliate or advertising disclosure",
        (
            P(
                "en",
                r".{0,40}\b(?:advertising|affiliate|advertiser) disclosure\b.{0,300}",
                r".{0,200}\b(?:we|i) (?:may )?(?:receive|earn|get) (?:a )?(?:small )?"
                r"(?:compensation|commission)\b.{0,300}",
                r".{0,120}\bcontains (?:affiliate links|references to products"
                r"|sponsored content)\b.{0,200}",
                # "Products featured here are independently selected by our editors."
                r".{0,80}\bindependently select(?:ed|s)?\b.{0,40}\bproducts?\b.{0,300}",
                r".{0,80}\bproducts?\b.{0,60}\bindependently select(?:ed|s)?\b.{0,300}",
                examples=(
                    "Advertiser Disclosure",
                    "We may earn a commission when you buy through links on this page.",
                    "Products featured here are independently selected by our editors.",
                    "Our editors independently select the products we review.",
                ),
                not_examples=("The commission met on Tuesday.",),
            ),
            P(
                "de",
                r"\*?werbung\W{0,3}dieser (?:beitrag|artikel) enthält werbung.{0,200}",
                r".{0,120}\benthält (?:affiliate-links|werbelinks|werbung für)\b.{0,200}",
                # A price box's footer: "The links are affiliate links".
                r".{0,80}\bbei den (?:verlinkungen|links) handelt es sich um.{0,200}",
                examples=(
                    "Dieser Beitrag enthält Affiliate-Links.",
                    "Bei den Links handelt es sich um Affiliate-Links.",
                ),
                not_examples=("Der Beitrag enthält viele Zahlen.",),
            ),
        ),
        max_chars=420,
        needs=(
            "disclosure",
            "compensation",
            "commission",
            "affiliate",
            "references to products",
            "sponsored content",
            "werbung",
            "werbelinks",
            "verlinkungen",
            "links",
            "independently select",
        ),
    ),
    # Status messages of forms and widgets (a newsletter box's error text).
    ChromeRule(
        "form-message",
        "a form's status message",
        (
            P(
                "en",
                r"(?:sorry!?\s*)?(?:there was an|an) error (?:has )?(?:occurred|processing).{0,80}",
                r"something went wrong\b.{0,80}",
                examples=("Sorry! There was an error processing your request.",),
                not_examples=("Please try again next year, the mayor said.",),
            ),
            P(
                "de",
                r"(?:ein )?fehler ist aufgetreten.{0,80}",
                examples=("Ein Fehler ist aufgetreten.",),
                not_examples=("Ein Fehler im Plan",),
            ),
        ),
        max_chars=140,
    ),
    # Reprint and print tools, and the reprint notice they reveal.
    ChromeRule(
        "reprints",
        "a reprint or print tool",
        (
            P(
                "en",
                r"order reprints?",
                r"reprints?(?: (?:&|and) permissions)?",
                r"print (?:this )?(?:article|story)",
                r"this copy is for your personal,? non-commercial use only\b.{0,500}",
                r"this (?:article|story) has been sent to\b.{0,80}",
                r"(?:e-?mail|send) (?:this )?(?:article|story) to a friend",
                examples=("Order Reprints", "Print this article", "Email this article to a friend"),
                not_examples=("Reprints of the map sold out.",),
            ),
        ),
        max_chars=560,
    ),
    # Cookie and consent notices that leak into text.
    ChromeRule(
        "consent",
        "a cookie or consent notice",
        (
            P(
                "en",
                r"(?:this (?:site|website) uses|we use) cookies\b.*",
                # Placeholders of embeds that load only after consent.
                r"click (?:the button below|here) to load (?:the )?content from .{1,80}",
                r"waiting for your (?:permission|consent) to load .{1,80}",
                # Age gates in front of a video or gallery.
                r"(?:please )?enter your (?:date of birth|birth ?date|age) to (?:view|watch|see)"
                r" (?:this|the) (?:video|content|gallery|page)\.?",
                examples=("This website uses cookies to improve your experience.",),
                not_examples=("Cookies were served at the harbour festival.",),
            ),
            P(
                "de",
                r"klicken sie auf den (?:unteren )?button, um den inhalt von .{1,80} zu laden\.?",
                examples=("Klicken Sie auf den Button, um den Inhalt von Karten zu laden.",),
                not_examples=("Klicken Sie auf den Hafen",),
            ),
        ),
        max_chars=300,
    ),
    # Page navigation set in the text: a breadcrumb trail and jump links, and
    # links to the neighbouring posts, alone or followed by their title.
    ChromeRule(
        "page-nav",
        "a breadcrumb trail, jump link or link to the neighbouring post",
        (
            P("en", r"you are here", slot="here"),
            P("de", r"sie sind hier", slot="here"),
            P("en", r"back to top", r"top of page", slot="top"),
            P("de", r"nach oben", slot="top"),
            P("fr", r"retour en haut(?: de (?:la )?page)?", slot="top"),
            P("es", r"volver arriba", slot="top"),
            P(
                "en",
                r"(?:previous|next|older|newer) (?:post|article|story|entry)",
                slot="neighbour",
            ),
            P("de", r"(?:vorheriger|nächster) (?:beitrag|artikel)", slot="neighbour"),
            P("fr", r"article (?:précédent|suivant)", slot="neighbour"),
            P(
                "en",
                examples=("You are here: Home › News", "Back to top ↑", "« Previous post"),
                not_examples=("You are here because you care.",),
            ),
            P(
                "de",
                examples=(
                    "Sie sind hier: Start › Hafen",
                    "Nach oben",
                    "Nächster Artikel: Die Fähre",
                ),
                not_examples=("Nach oben ging es mit dem Aufzug.",),
            ),
            P(
                "fr",
                examples=("Article suivant",),
                not_examples=("Haut de gamme",),
            ),
            P(
                "es",
                examples=("Volver arriba",),
                not_examples=("Subir al barco",),
            ),
        ),
        template=(
            r"{here}\s*:.{0,160}"
            r"|(?:[↑▲^]\s*)?{top}(?:\s*[↑▲^])?"
            r"|(?:[«‹←]\s*)?{neighbour}(?:\s*[»›→])?(?:\s*:\s*.{1,150})?"
        ),
        max_chars=180,
    ),
    # Donation and membership appeals of reader-funded sites: the appeal alone,
    # or with its pitch ("Become a member and read ad-free"), or a donation
    # box's text up to its button ("... Donate").
    ChromeRule(
        "support-appeal",
        "a donation or membership appeal",
        (
            P(
                "en",
                r"we need your help",
                r"(?:our |independent |local )?journalism needs your support",
                r"support (?:us|our (?:work|journalism)|independent journalism)",
                slot="appeal",
                examples=(
                    "Support independent journalism",
                    "Support Harbor Notes with as little as $2",
                    "If you value this work, support us with a donation.",
                ),
                not_examples=("Support for the plan grew over the summer.",),
            ),
            P(
                "de",
                r"werden sie (?:mitglied|unterstützer\p{L}*)",
                slot="appeal",
                examples=("Werden Sie Mitglied und lesen Sie werbefrei",),
                not_examples=("Unterstützen Sie den Plan, fragte der Reporter den Bürgermeister?",),
            ),
            P(
                "es",
                r"hazte (?:miembro|socio|suscriptor|mecenas)",
                slot="appeal",
                examples=("Hazte socio y disfruta sin anuncios",),
                not_examples=("Apoya la moción del alcalde",),
            ),
            P("en", r"today", r"now", slot="now"),
            P("de", r"jetzt", r"heute", slot="now"),
            P("es", r"ahora", r"hoy", slot="now"),
            P("en", r"and", slot="and"),
            P("de", r"und", slot="and"),
            P("es", r"y", slot="and"),
            P("en", r"get", r"enjoy", r"support", r"read", r"unlock", r"help", slot="gain"),
            P("de", r"genießen", r"lesen", r"unterstützen", r"sichern", r"erhalten", slot="gain"),
            P("es", r"disfruta", r"apoya", r"accede", slot="gain"),
            P("en", r"with (?:a|an|your)", slot="with"),
            P("de", r"mit (?:einer|ihrer|deiner)", slot="with"),
            P("es", r"con (?:una?|tu|su)", slot="with"),
            P("en", r"donate(?: now| today)?", slot="donate"),
            P("de", r"jetzt spenden", r"spenden", slot="donate"),
            P("es", r"donar", r"dona ahora", slot="donate"),
            # "Support Harbor Notes with as little as 2 euros!"
            P("en", r"support", slot="support"),
            P("de", r"unterstütze", slot="support"),
            P("en", r"with", slot="with_amount"),
            P("de", r"mit", slot="with_amount"),
            # The appeal set inside a note: "... Support us with a donation."
            P("en", r"support us", slot="support_us"),
            P(
                "pl",
                r"wesprzyj nas",
                slot="support_us",
                examples=("Jeśli cenisz naszą pracę, wesprzyj nas darowizną.",),
                not_examples=("Wesprzyj sąsiada w potrzebie",),
            ),
            P("en", r"with a (?:donation|gift)", r"donat\p{L}*", slot="donation"),
            P("pl", r"darowizn\p{L}*", slot="donation"),
        ),
        template=(
            r"(?:\|\s*)?{appeal}"
            r"(?:\W{0,3}|\W{0,3}\s*{now}\b.{0,200}"
            r"|\W{0,3}\s*{and}\s+{gain}\b.{0,200}|\W{0,3}\s*(?:[.!:]\s*).{0,200}"
            r"|\s+{with} .{0,200}"
            r"|\s.{0,200}\b{donate}\W{0,3})"
            # The amount's words ("bereits", "as little as", "nur") go with every language.
            r"|{support} (?:\p{L}+ ){1,3}(?:(?:bereits |schon )?{with_amount} )"
            r"(?:as little as |nur |seulement )?[€$£]?\s?\d+(?:[.,]\d+)?.{0,40}"
            r"|.{0,200}\b{support_us}\b.{0,20}\b{donation}\b.{0,120}"
        ),
        max_chars=320,
        needs=(
            "help",
            "support",
            "unterstütz",
            "souten",
            "apóy",
            "apoya",
            "wesprzyj",
            "sostien",
            "become a",
            "werden sie",
            "werde",
            "devenez",
            "hazte",
            "zostań",
            "donat",
            "spend",
            "don",
            "wpłać",
            "darowizn",
        ),
    ),
    # Bookmark buttons: "Save for later", "Add to favourites".
    ChromeRule(
        "bookmark",
        "a bookmark button",
        (
            P(
                "en",
                r"save (?:this )?(?:article|story|for later)",
                r"bookmark(?: this)?(?: (?:article|page))?",
                r"(?:subscribe|sign in|log in|register) (?:to [\p{L}\p{N}&' ]{2,40} )?to bookmark"
                r" (?:this|the) (?:article|story|page)",
                examples=(
                    "Save for later",
                    "Sign in to bookmark this article",
                ),
                not_examples=("Save the harbour, the sign said.",),
            ),
            P(
                "de",
                r"zu den favoriten(?: hinzufügen)?",
                r"(?:(?:artikel|beitrag|rezept|tipp) )?(?:merken|favorisieren)",
                examples=("Artikel merken",),
                not_examples=("Merken Sie sich den Termin",),
            ),
        ),
        max_chars=90,
    ),
    # Post meta strips cut into bar-separated fields: a date, categories, a
    # comment link, or a headline strip ending in its date.
    ChromeRule(
        "meta-strip",
        "a strip of post metadata",
        (
            P(
                "en",
                r"categor(?:y|ies)",
                r"tags",
                slot="label",
                examples=(
                    "Jane Doe | Category: Harbour | 3 Comments",
                    "Harbour news | Ferries | 12.03.2031",
                ),
                not_examples=("The ferry left at noon.",),
            ),
        ),
        template=(
            r"(?:[^|]{1,60}\s\|\s){0,3}{label}\s*:\s*[^|]{1,80}(?:\s\|\s[^|]{1,40}){1,3}"
            r"|(?:[^|]{1,60}\s\|\s){1,3}{label}\s*:\s*[^|]{1,80}"
            r"|[^|]{3,140}(?:\s\|\s[^|]{1,40}){1,4}\s\|\s(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}"
            r"|\d{4}-\d{2}-\d{2})"
        ),
        max_chars=260,
        needs=("|",),
    ),
    # Disclaimers under guides and price tables.
    ChromeRule(
        "disclaimer",
        "a disclaimer",
        (
            P(
                "de",
                r"(?:alle )?angaben ohne gewähr\W{0,3}",
                # Medical review notes: "This article was reviewed by doctors."
                r"(?:dieser|der) (?:text|artikel|beitrag|inhalt)\b.{0,160}\b(?:von|durch)"
                r" (?:medizinern|ärzten|ärztinnen|fachärzten|medizinischen experten)\b.{0,20}"
                r"(?:geprüft|überprüft)\.?",
                examples=(
                    "Alle Angaben ohne Gewähr.",
                    "Dieser Artikel wurde von Ärzten geprüft.",
                ),
                not_examples=("Angaben zum Hafen folgen.",),
            ),
            P(
                "en",
                r"all information (?:is )?without guarantee\W{0,3}",
                r"(?:medically reviewed|fact[- ]checked) by (?-i:\p{Lu}).{1,80}",
                examples=(
                    "All information without guarantee.",
                    "Medically reviewed by Jane Doe, MD",
                ),
                not_examples=("Fact-checked by the desk later",),
            ),
        ),
        max_chars=260,
    ),
)

#: Headings after which, near the end of a body, nothing is the article: teaser
#: rails, and the sources or credits list that closes a piece.
#: Part of the aggressive group: the safety valve can switch it off.
END_MARKERS: frozenset[str] = frozenset({"rail-heading", "sources-heading"})

#: A line of at most this many words ending in a colon, last in the body, is
#: a label whose list is gone ("Teilnehmende Blogs:"); longer ones may be
#: sentences that introduced an embed ("Twitter seemed confused by the ad:").
DANGLING_LABEL_MAX_WORDS = 5

#: Only an end marker in the last share of the body cuts what follows it;
#: one early in the text is a mid-article rail and only its line goes.
END_MARKER_MIN_POSITION = 0.6

#: After an end marker, teasers go until the article visibly resumes: this many
#: consecutive lines of prose (a rail placed inside the text, such as "Don't
#: miss" with three links, is followed by more paragraphs; a closing rail by
#: headlines, labels and short teaser lines).
RESUME_PROSE_RUN = 2
#: A line is prose when it has at least this many words...
PROSE_MIN_WORDS = 10
#: ...and ends like a sentence (closing quotes and brackets included).
PROSE_END_CHARACTERS = frozenset('.!?…"”’»)')


# --- the safety valve -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SafetyValve:
    """When chrome stripping backs off (Readability.js's retry-with-less-cleaning)."""

    #: If stripping removes more than this share of the candidate words...
    max_removed_share: float = 0.5
    #: ...or leaves fewer words than this while the candidate had more...
    min_words_left: int = 25


SAFETY_VALVE = SafetyValve()
