"""Named rule tables: every heuristic that decides what is chrome and what is data.

Each row has an ``id`` (recorded in :class:`~articlekit.article.Removal` when it
fires, so ``--explain`` and golden files show exactly which rule removed a
line), a pattern, and a reason. Patterns use the ``regex`` module so Unicode
classes (``\\p{L}``, ``\\p{Lu}``) work; they are matched case-insensitively
against one whole, whitespace-collapsed line unless a row says otherwise.

Groups:

* ``safe`` — lines that are chrome wherever they stand (buttons, rail headings).
* ``aggressive`` — rules that can cost real text on odd pages (everything after
  a rail heading). The chrome stage's safety valve drops this group when
  stripping would leave too little text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

__all__ = [
    "AUTHOR_CREDENTIALS",
    "BYLINE_CREDIT",
    "BYLINE_PREFIX",
    "CHROME_LINES",
    "DATA_LINES",
    "END_MARKERS",
    "ORGANISATION_WORDS",
    "PEOPLE_WORDS",
    "SAFETY_VALVE",
    "TITLE_SEPARATORS",
    "ChromeRule",
    "DataRule",
    "OrganisationWords",
    "PeopleWords",
    "SafetyValve",
]

_FLAGS = regex.IGNORECASE | regex.UNICODE

Group = Literal["safe", "aggressive"]


@dataclass(frozen=True, slots=True)
class ChromeRule:
    """A line that is page chrome and is dropped from the body."""

    id: str
    pattern: regex.Pattern[str]
    reason: str
    group: Group = "safe"
    #: Lines longer than this are never matched: chrome is short, prose is long.
    max_chars: int = 80
    #: Lower-case fragments of which a matching line holds at least one. Rules
    #: that may match anywhere in a long line (".{0,200}\\bwe earn a
    #: commission") cost a regex walk per position; this cheap substring test
    #: skips them on the ordinary prose line. Empty: always tried.
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DataRule:
    """A line that carries a field's value; it is moved, not thrown away.

    The pattern's ``value`` group is the text handed to the field's parser; the
    rule fires only if that parser accepts it.
    """

    id: str
    field: Literal["updated", "published", "tags", "authors"]
    pattern: regex.Pattern[str]
    reason: str
    max_chars: int = 120


def _line(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, _FLAGS)


#: Social networks named in "follow us" lines.
_NETWORK = (
    r"(?:twitter|x|facebook|instagram|youtube|linkedin|tiktok|threads|bluesky|mastodon"
    r"|google news|telegram|whatsapp|pinterest|snapchat|reddit|twitch|flipboard)"
)

# --- chrome: lines that are never the article ------------------------------------
CHROME_LINES: tuple[ChromeRule, ...] = (
    # Navigation strips and "see all" links that follow video and section rails.
    ChromeRule(
        "see-all",
        _line(
            r"(?:(?:see|view|show) all\b[\p{L}\p{N}.&'’ -]{0,30}\s*){1,4}"
            r"|alle (?:anzeigen|ansehen|artikel)|voir tout|ver tod[oa]s?"
        ),
        "a 'see all' navigation link",
    ),
    # Buttons that load teasers.
    ChromeRule(
        "load-more",
        _line(
            r"(?:load|show|view) more(?: (?:stories|articles|news|posts|comments))?"
            r"|mehr (?:laden|anzeigen|artikel)|weitere (?:artikel|laden)"
            r"|(?:afficher|voir|charger) plus|(?:cargar|ver|mostrar) más"
        ),
        "a button that loads more teasers",
    ),
    # Headings of teaser rails; also used as end markers (see END_MARKERS).
    # A table cell's bars may wrap the heading: "| Related articles |".
    ChromeRule(
        "rail-heading",
        _line(
            r"(?:\|\s*)?(?:"
            # "Most read", "<Site>'s most read stories of 2031", "Trending this week"
            r"(?:[\p{L}\p{N}&.' -]{2,30}[’']s )?"
            r"(?:most (?:popular|read|viewed|shared|commented)(?: (?:stories|articles|posts))?"
            r"|trending(?: now| stories)?)(?: (?:of|in) \d{4}| this week| today| right now)?"
            r"|(?:recommended|related|more|top|latest|popular) "
            r"(?:for you|stories|articles|news|posts|videos?|reads?)"
            r"|you (?:may|might) (?:also )?like|don[’']t miss|editor[’']s picks|recommended"
            r"|meistgelesen(?:e artikel)?|meistgesehen|beliebteste artikel"
            r"|das könnte sie auch interessieren|weitere themen|verwandte artikel|ähnliche artikel"
            r"|contenido relacionado|artículos relacionados|related content|more on this(?: story)?"
            r"|les plus lus|à lire aussi|lo más (?:leído|visto)|te puede interesar"
            # "Most read in World News", "Popular on <site>", "Explore further"
            r"|most (?:read|popular|viewed) in [\p{L}\p{N}&' ]{2,30}"
            r"|(?:popular|top reads|trending|most read) on [\p{L}\p{N}.&' ]{2,30}?"
            r"(?: this week| today| right now)?"
            r"|more from [\p{L}\p{N}.&' ]{2,30}"
            r"|explore further"
            r"|weitere (?:artikel|beiträge|themen|nachrichten)(?: zum thema| aus [\p{L} ]{2,40})?"
            r"|weitere aktuelle (?:themen|artikel|nachrichten)(?: [\p{L} ]{2,40})?"
            r"|kommentierte artikel|meist-?diskutiert|(?:notas|noticias) relacionadas|mehr themen"
            # "Also on <site>": a rail of the network's other titles.
            r"|(?:also on|auch (?:auf|bei)|aussi sur|también en|anche su|também (?:em|no)"
            r"|więcej na) (?:[\p{L}\p{N}&'-]+\.)*[\p{L}\p{N}&'-]+\.[a-z]{2,6}"
            r")\s*(?::|\.{3}|…)?(?:\s*\|)?"
        ),
        "the heading of a teaser rail",
    ),
    # Headings of the lists that close an article: its sources, references,
    # picture credits. Also end markers: the citations under them go too.
    ChromeRule(
        "sources-heading",
        _line(
            r"(?:our |key |main )?(?:sources?|references|bibliography|further reading"
            r"|(?:photo|image|picture) credits|credits"
            r"|quellen(?:angaben|verzeichnis)?|literatur(?:verzeichnis|hinweise)?"
            r"|einzelnachweise|bildnachweise?|fuentes|referencias|bibliografía"
            r"|footnotes|endnotes|fußnoten"
            r"|références|bibliographie|crédits photos?)\s*:?"
        ),
        "the heading of the article's sources or credits",
    ),
    # Ad slot labels.
    ChromeRule(
        "ad-label",
        _line(
            r"advertisements?|advertising|sponsored(?: content)?|ad|anzeige|werbung"
            r"|publicité|publicidad|continue reading (?:the main story|below)"
            # "Story continues below advertisement", "Article continues after this ad"
            r"|(?:the )?(?:story|article|text|post|content) continues (?:below|after)"
            r"(?: (?:(?:this|the|an?) )?(?:ad|advert|advertisement))?"
            r"|(?:advertisement\s*[-–:]\s*)?scroll (?:down )?to continue(?: reading| with content)?"
            r"|(?:weiter(?:lesen)?|lesen sie) nach der (?:anzeige|werbung)(?: weiter)?"
            r"|(?:la suite|l[’']article continue) après (?:la|cette) publicité"
            r"|(?:la noticia|el artículo) continúa (?:debajo|después|tras la publicidad)"
            r"|(?:anzeige|werbung|advertisement|publicidad)\s*[-–|]\s*.{1,100}"
        ),
        "an advertisement slot label",
    ),
    # Share bars: a line of network names or a share call to action.
    ChromeRule(
        "share",
        _line(
            r"(?:share|teilen|partager|compartir)"
            r"(?: (?:this|the) (?:article|story|post|page|video)| (?:on|via) [\p{L} ]{2,30}"
            r"| (?:diesen|dieses) (?:artikel|beitrag)| cet article| este artículo)?[:!.]?"
            r"|(?:(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit|pinterest"
            r"|telegram|copy link|flipboard|tweet)[\s,|·•]*){2,}"
            # "Like this story? Share it with a friend!"
            r"|(?:like|liked|enjoy|enjoyed|love) (?:this|the) (?:article|story|post)\?\s*"
            r"share (?:it|this)\b.{0,60}"
        ),
        "a share bar",
    ),
    # Newsletter and subscription boxes.
    ChromeRule(
        "newsletter",
        _line(
            r"(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletter|updates|inbox|briefing)s?\b.*"
            r"|newsletter(?: abonnieren| sign[- ]?up)?|get our .{0,40}newsletter.*"
            r"|(?:jetzt )?newsletter abonnieren.*|inscrivez-vous .{0,40}newsletter.*"
            r"|suscríbete .{0,40}(?:newsletter|boletín).*"
            r"|thanks? (?:you )?for (?:signing up|subscribing)!?"
            # "This article was featured in the Daily Brief newsletter. Sign up for it here."
            r"|.{0,80}\bnewsletters?\b.{0,20}[.!]\s*sign(?:ing)? up\b.{0,40}"
            r"|.{0,80}\b(?:sign(?:ing)? up|subscrib\w*|abonnier\w*|inscri\w*|suscr\w*)\b"
            r".{0,60}\bnewsletters?\b.{0,60}"
            # A newsletter box's own heading and its confirmation prompt.
            r"|(?-i:\p{Lu})[\p{L}\p{N}'’&.+-]*(?: [\p{L}\p{N}'’&.+-]+){0,4} (?-i:N)ewsletter"
            r"|(?:keep an eye on|check) your inbox\b.{0,80}"
            r"|your subscription (?:has been|is) confirmed.*"
            r"|you(?:[’']re| are) (?:now )?subscribed.*"
            r"|(?:zum )?newsletter (?:anmelden|bestellen)|subscribe now\b.{0,100}"
            r"|zapraszamy (?:też |także |również )?do (?:subskrypcji|prenumeraty)\b.{0,140}"
            # A subscription pitch closing on its terms: "... Cancel anytime."
            r"|(?:.{1,140}[.!?]\s+)?(?:cancel (?:any ?time|at any time)|jederzeit kündbar"
            r"|cancela cuando quieras|cancela en cualquier momento|sans engagement"
            r"|résiliable à tout moment|anuluj w dowolnym momencie)[.!]?"
            # "Just click here and register for the digital edition!"
            r"|.{0,80}\b(?:(?:einfach )?hier klicken|click here|cliquez ici|haga clic aquí"
            r"|haz clic aquí|kliknij tutaj)\b.{0,40}\b(?:registrieren|anmelden|register|sign up"
            r"|subscribe|abonnieren|inscri\p{L}*|suscr\p{L}*|zarejestruj\p{L}*)\b.{0,60}"
        ),
        "a newsletter or subscription box",
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
        _line(
            r"(?:read|see) (?:more|also|next)(?:\s*[:»›>…|-].{0,100}| (?:here|stories|articles)"
            # "Read more on <site or topic>": a heading over links, no sentence.
            r"| (?:on|from|at) [\p{L}\p{N}.&'’ ]{2,40})?"
            r"|weiterlesen|mehr zum thema(?:\s*:.{0,100})?|lesen sie auch(?:\s*:.{0,100})?"
            r"|lire (?:la suite|aussi)(?:\s*:.{0,100})?|leer más(?:\s*:.{0,100})?"
            r"|related:.{0,120}"
            # "Follow our full coverage of the election at https://..."
            r"|(?:follow|find|see|read) (?:[\p{L}\p{N}.&-]+[’']s |our )(?:full |latest |complete )?"
            r"coverage (?:of|on) .{1,80}? (?:at|on) (?:https?://|www\.)\S+"
            # "Also read: <teaser title>" in the languages we cover: the label
            # and its colon make the line a link, whatever title follows.
            r"|(?:also read|read also|see also|also|more|related story|recommended)\s*:.{0,120}"
            r"|(?:auch interessant|lesen sie (?:auch|mehr)|mehr dazu|siehe auch"
            r"|das könnte sie (?:auch )?interessieren)\s*[:?]?(?:\s.{0,120})?"
            r"|schon gelesen\s*\??"
            r"|zum weiterlesen\s*:?(?:\s.{0,120})?|mehr zum thema (?:auf|bei) .{1,60}"
            r"|(?:das thema|diese themen|das) könnte (?:dich|sie) (?:auch )?interessieren\s*:?"
            r"|(?:mira|lee)\s*:.{0,120}"
            r"|(?:à lire (?:aussi|également)|voir aussi|lire également)\s*:?(?:\s.{0,120})?"
            r"|(?:lea|lee|mire|vea|ver) (?:también|más|además)\s*:.{0,120}"
            r"|(?:lea|mire|vea)\s*:.{0,120}"
            r"|(?:también )?(?:le|te) puede interesar\s*:?(?:\s.{0,120})?"
            r"|(?:czytaj|zobacz) (?:też|także|więcej)\s*:?(?:\s.{0,120})?"
            r"|(?:leggi|vedi) anche(?: su)?\s*:?(?:\s.{0,120})?"
            r"|leia (?:também|mais)\s*:?(?:\s.{0,120})?"
            r"|dowiedz się więcej\s*:?(?:\s.{0,120})?"
            # Links to the next page or part: "... weiter zu 'Der Hafen'", "Continue to
            # part 2". Prose says "continue to stir": an ellipsis or a part must show.
            r"|(?:\.{3}|…|»|›|>)\s*(?:weiter(?: zu[mr]?)?|continue(?: to)?|continuer(?: vers)?"
            r"|continuar(?: a| en)?|przejdź do|dalej)\b.{0,100}"
            r"|(?:weiter zu[mr]?|continue to|continuer vers|continuar (?:a|en)|przejdź do)"
            r" (?:(?:the )?next )?(?:teil|part|seite|page|partie|página|parte|część|strony|kapitel"
            r"|chapter|chapitre|capítulo|rozdział)\b.{0,100}"
            r"|(?:next page|nächste seite|page suivante|página siguiente|następna strona)\b.{0,100}"
            # "More information at www.example.org", "Further information on X:".
            r"|(?:weitere|mehr) (?:infos?|informationen)(?: (?:gibt es )?(?:unter|auf|bei))?"
            r" (?:https?://|www\.)\S+"
            r"|(?:more|further) (?:info|information|details)(?: (?:at|on))? (?:https?://|www\.)\S+"
            r"|(?:plus d'infos?|plus d'informations)(?: sur)? (?:https?://|www\.)\S+"
            r"|(?:más información|más info)(?: en)? (?:https?://|www\.)\S+"
            r"|(?:weitere|mehr) (?:infos?|informationen) (?:zu[mr]?|über|rund um) .{1,80}:"
            r"|(?:more|further) (?:information|resources) (?:on|about) .{1,80}:"
            # "More on this soon on our website."
            r"|(?:weitere|mehr) (?:infos?|informationen)\b.{0,60}\b(?:auf|unter) (?:der|unserer"
            r"|unsere[rn]?) (?:website|webseite|homepage|internetseite)\b.{0,60}"
            r"|(?:more|further) (?:info|information|details)\b.{0,60}\b(?:on|at) (?:our|the)"
            r" (?:website|web site|homepage)\b.{0,60}"
            # A sentence that only points to a link: "All about the bridge can be found here."
            r"|.{1,100}\b(?:findest du|finden sie|findet ihr) (?:hier|unter diesem link)\W{0,3}"
        ),
        "a 'read more' link",
        max_chars=140,
    ),
    # Copyright and rights lines of the page footer.
    ChromeRule(
        "copyright",
        _line(
            r"(?:[©ⓒ]|\(c\)|copyright)\s*:?\s*(?:[©ⓒ]\s*)?(?:\d{4}|\p{L}).{0,180}"
            r"|.{0,120}all rights reserved\.?.{0,120}"
            r"|alle rechte vorbehalten.{0,80}|tous droits réservés.{0,80}"
            r"|todos los derechos reservados.{0,80}"
            # Reuse notices: "Reproduction only with written permission".
            r"|(?:jede )?(?:vervielfältigung|weiterverbreitung|nachdruck)(?: \p{L}+){0,3} nur mit"
            r" (?:\p{L}+ )?(?:genehmigung|zustimmung|erlaubnis)\b.{0,80}"
            r"|(?:any )?(?:reproduction|republication|redistribution)\b.{0,60}\bwithout (?:the )?"
            r"(?:prior |express )?(?:written )?(?:permission|consent)\b.{0,80}"
            r"|(?:any )?(?:reproduction|republication|redistribution)(?: \p{L}+){0,4}"
            r" (?:is )?(?:strictly )?(?:prohibited|forbidden|not permitted)\W{0,2}"
            r"|(?:toute )?reproduction (?:\p{L}+ ){0,3}interdite\b.{0,80}"
            r"|(?:queda )?prohibida (?:la|su) reproducción\b.{0,80}"
            # Licence notices of the site's content: "Unless otherwise noted, the
            # content of this site is licensed under CC BY".
            r"|(?:unless otherwise (?:noted|stated|indicated|specified)"
            r"|except where otherwise noted"
            r"|sofern nicht anders (?:ausgewiesen|angegeben|vermerkt|gekennzeichnet)"
            r"|soweit nicht anders (?:angegeben|vermerkt)|sauf mention contraire"
            r"|salvo (?:que se indique lo contrario|indicación contraria|otra indicación))"
            r".{0,160}\b(?:licen[cs]\p{L}*|lizen\p{L}*|cc[- ]by\b|creative commons)\b.{0,80}"
        ),
        "a copyright line",
        max_chars=260,
    ),
    # Comment-section headings and prompts.
    ChromeRule(
        "comments",
        _line(
            r"(?:\d*\s*comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)"
            r"|(?:no|view|show|see all|keine|alle) (?:comments|kommentare)"
            r"|\d*\s*kommentare?|commentaires?|comentarios?|reply|antworten|répondre|responder"
            r"|(?:you must be|du musst|sie müssen) (?:logged in|eingeloggt|angemeldet).{0,120}"
            r"|(?:tell us|let us know) what you think\W*|what do you think\?|have your say\W*"
            r"|(?:schreiben|hinterlassen) sie (?:einen|ihren) kommentar\W*|donnez votre avis\W*"
            r"|(?:deja|escribe) (?:un|tu) comentario\W*"
            # Moderation notes: "Comments are reviewed before they appear."
            r"|(?:all )?comments (?:are|will be) (?:moderated|reviewed)\b.{0,80}"
            r"|kommentare (?:werden|erscheinen) erst nach .{0,40}(?:freigabe|prüfung)\b.{0,40}"
            r"|les commentaires sont (?:modérés|soumis à modération)\b.{0,80}"
            r"|los comentarios (?:son|serán|están) (?:moderados|revisados)\b.{0,80}"
            r"|(?:atenção:\s*)?(?:os )?comentários\b.{0,120}\b(?:moderad\p{L}*|pelo moderador)"
            r"\b.{0,40}"
            # A heading may carry its note in brackets: "No comments (moderated)".
            r")(?:\s*\([^()]{1,120}\))?"
        ),
        "a comments heading or prompt",
        max_chars=160,
    ),
    # Picture credits set apart from the text.
    ChromeRule(
        "credit",
        _line(
            r"(?:titelbild|bild|foto|fotos|photo|photos|image|images|picture|crédits? photos?"
            r"|credits?|crédit|fuente|foto de portada|zdjęcie"
            r"|(?:photo|image|picture|gallery|video|cover|header) credits?)\s*:\s*.{1,80}"
            r"|(?:beitragsbild|titelbild|featured image|header image)(?:\s*:\s*.{1,80})?"
            # Numbered figure captions: "Figure 3: The bridge in 1910."
            r"|(?:abbildung|abb\.|figure|fig\.|figura|rysunek|rys\.|grafik|grafika)"
            r"\s*\d{1,3}[a-z]?\s*:\s*.{1,200}"
            # A caption that ends with its picture credit: "The pier at dusk. © Agency / Name".
            r"|.{1,160}\s(?:[|/]\s*)?©\s*(?-i:\p{Lu})[\p{L}\p{N} .&/_-]{1,60}"
            # A stock or wire agency and the photographer: "Getty Images / Jane Doe".
            r"|(?:[\p{L}.' -]{2,40}\s*/\s*)?(?:shutterstock|getty images|istock(?:photo)?"
            r"|imago(?: images)?|picture[- ]alliance|ap photo|afp|dpa|reuters|epa)"
            r"(?:\s*(?:/|via|\|)\s*[\p{L}\p{N}.' &-]{2,60})?"
        ),
        "a picture credit or caption",
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
        _line(
            r"(?:do you )?(?:have|got) (?:a |any )?(?:news |story )?tips?(?: for us)?\?.{0,140}"
            r"|send (?:us )?(?:your )?(?:news |story )?tips? (?:to|at) .{1,100}"
        ),
        "a call for news tips",
        max_chars=160,
        needs=("tip",),
    ),
    # Gallery position counters ("1 of 57", "3 / 12").
    ChromeRule(
        "gallery-counter",
        _line(
            r"(?:image|photo|slide|bild|foto)?\s*\d{1,3}\s*(?:of|von|de|sur|/)\s*\d{1,3}"
            # A result list's counter: "Showing 1-10 of 19 results".
            r"|(?:showing|displaying|viewing) (?:results? )?\d+\s*(?:-|–|to)\s*\d+ of \d+"
            r"(?: \p{L}+){0,2}\W{0,2}"
            r"|es werden (?:die )?(?:\p{L}+ )?\d+ bis \d+ (?:von|aus) (?:insgesamt )?\d+"
            r"(?: \p{L}+)? angezeigt\W{0,2}"
            r"|(?:affichage|résultats?) (?:de )?\d+\s*(?:-|–|à)\s*\d+ (?:sur|de) \d+"
            r"(?: \p{L}+){0,2}"
            r"|mostrando (?:resultados? )?\d+\s*(?:-|–|a)\s*\d+ de \d+(?: \p{L}+){0,2}"
            # The prompt over a gallery: "Scroll through the gallery below to see ...".
            r"|(?:scroll|click|swipe) (?:down |through |to )?(?:the |our )?(?:gallery|slideshow)"
            r"(?: below)? (?:to|for) (?:see|view|find|discover|more)\b.{0,100}"
        ),
        "a gallery or result list position counter, or the prompt over a gallery",
        max_chars=80,
    ),
    # Wire and newsroom credit lines under the text: who reported, wrote or
    # edited. They name staff, not the story.
    ChromeRule(
        "reporting-credit",
        _line(
            # "by" then a capitalised name: "Reporting by the council ..." is prose.
            r"(?:additional |with )?(?:reporting|writing|editing|research) by (?-i:\p{Lu}).{1,220}"
            r"|.{2,120}\bcontributed (?:reporting|research"
            r"|to this (?:report|story|article))\b.{0,80}"
            # "SOURCE: News agencies" closing a wire story.
            r"|(?:source|sources|quelle|fuente|fonte)\s*:\s*[\p{L}\p{N} ,&'’./()-]{2,60}"
        ),
        "a reporting or editing credit",
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
        _line(
            r"(?:follow|like|subscribe to) (?:us|[\p{L}\p{N}.'’ ]{2,60}) on "
            r"(?:(?:and |& |or )?(?:on )?" + _NETWORK + r"(?: \(?@\w+\)?)?(?:\s*,\s*|\s+)?)+"
            r"(?:(?:at|:)?\s*@?\S+(?:\s*(?:,|and|&)\s*@\S+)*)?"
            # "... on Facebook to make sure you're not missing out."
            r"(?: (?:to|so) (?:make sure|stay|keep|get|never|be|see|you)\b.{0,60})?[.!:]?"
            # ...often followed by how to write in: "Send us a message at ...".
            r"(?:\s+(?:send|e-?mail|write|message|contact|text) us\b.{1,160})?"
            r"|(?:síguenos|sígannos|folgen sie uns|folge uns|folgt uns|suivez-nous|obserwuj nas"
            r"|seguici|siga-nos|sigam-nos) (?:en|auf|bei|sur|na|su|no|nas?)\b.{0,60}\b(?:"
            + _NETWORK
            + r"|redes sociales|sozialen (?:netzwerken|medien)|réseaux sociaux|social media"
            r"|mediach społecznościowych|social)\b.{0,80}"
            # "Write to us at desk@example.com or follow us on ...".
            r"|(?:puede escribirnos|puedes escribirnos|escríbenos|schreiben sie uns|schreib uns"
            r"|écrivez-nous|napisz do nas|write to us|scrivici) .{0,20}\S+@\S+.{0,160}"
            # Invitations to the site's messenger channel: "Join our Telegram channel".
            r"|.{0,100}\b(?:join our|únete a nuestro|únete|súmate a nuestro|tritt unserem"
            r"|abonniere unseren|rejoignez notre|dołącz do naszego|unisciti al nostro)\b.{0,60}"
            r"\b(?:telegram|whatsapp|signal|discord)\b.{0,120}"
            r"|.{0,100}\b(?:(?:telegram|whatsapp)[- ]?(?:channel|kanal|group|gruppe)"
            r"|(?:canal|grupo|chaîne|groupe|kanał|grupa) (?:de |en |sur |na )?"
            r"(?:telegram|whatsapp))"
            r"\b.{0,20}\b(?:join|únete|tritt|rejoignez|dołącz)\b.{0,120}"
            r"|.{0,80}\bdownload (?:the|our) .{1,40} apps? (?:for|on) .{1,40}"
            r"|(?:e-?mail|contact|reach) .{1,60}? (?:at|on) \S+@\S+.{0,160}"
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?twitter\.com/\w+"
            r"|click here to (?:get|download) the .{1,40} app"
            # Press contact headings of releases, with the person's name at most.
            r"|(?:ihr(?:e)? )?(?:ansprechpartner(?:\*?in|innen)?|pressekontakt|medienkontakt"
            r"|pressesprecher(?:\*?in)?|(?:media|press) contacts?|contact (?:presse|médias)"
            r"|contacto (?:de prensa|para medios)|kontakt dla mediów)"
            r"(?: (?:zum thema|für (?:die )?(?:presse|medien)))?\s*:?"
            r"(?:\s+(?-i:\p{Lu})[\p{L}.'’-]+(?: (?-i:\p{Lu})[\p{L}.'’-]+){0,3})?"
        ),
        "a call to follow the site or write to the author",
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
        _line(
            r"(?:write to|reach|contact|e-?mail|message) (?:the )?(?:reporters?|writers?|authors?"
            r"|editors?|(?-i:\p{Lu})[\p{L}.'’-]+(?: (?-i:\p{Lu})[\p{L}.'’-]+){0,3})"
            r"(?: with [\p{L} ]{1,40})?(?: on [\p{L} ]{2,20})?(?:,)? (?:at|via|on) "
            r".{0,80}?(?:\S+@\S+\.\p{L}+|https?://\S+|@\w+).{0,80}"
        ),
        "how to reach the reporter",
        max_chars=220,
        needs=("write to", "reach", "contact", "mail", "message"),
    ),
    # Reading-time labels at the top of posts.
    ChromeRule(
        "reading-time",
        _line(
            r"(?:(?:estimated )?reading time|read time|lesezeit|lesedauer|temps de lecture"
            r"|tiempo de lectura|tempo de leitura)\s*:?\s*(?:\d+|<\s*\d+|one|two|three)"
            r"\s*\p{L}{1,10}\.?"
            r"|\d+\s*(?:-\s*)?min(?:ute)?s?\.? read"
        ),
        "a reading-time label",
        max_chars=40,
    ),
    # Category labels of blog and press-release templates.
    ChromeRule(
        "category-label",
        _line(
            # A stamp may come first: "Date: 04/21/2021 Category: Notices".
            r"(?:(?:\p{L}+ )?(?:date|datum|fecha)\s*:\s*[\d/.-]{6,10}\s+)?"
            r"(?:kategorie|kategorien|category|categories|rubrik|filed under|catégorie"
            r"|categoría|categoria)(?:\s*:\s*.{1,60})?"
            # A tag list's heading left without its tags, which are links.
            r"|(?:tags|topics|schlagwörter|schlagworte|temas|etiquetas|mots[- ]clés|tagi|tematy"
            r"|argomenti|tópicos)\s*:?"
        ),
        "a category label",
    ),
    # Table-of-contents headings of long posts (the entries repeat subheads).
    ChromeRule(
        "contents-heading",
        _line(r"inhaltsverzeichnis|table of contents|contents|sommaire|índice|inhalt"),
        "a table-of-contents heading",
        max_chars=25,
    ),
    # Stamp labels left without their value, which sits in another element.
    ChromeRule(
        "stamp-label",
        _line(r"letzte änderung|zuletzt geändert|last modified|stand|datum|date|fecha"),
        "a date label without its date",
        max_chars=20,
    ),
    # Login prompts of comment and member areas.
    ChromeRule(
        "login-prompt",
        _line(
            r"(?:sie sind|you are|you're|du bist) (?:aktuell |currently |derzeit )?(?:nicht|not)"
            r" (?:eingeloggt|angemeldet|logged in|signed in).{0,60}"
            r"|.{0,100}\b(?:müssen sie|musst du) (?:eingeloggt|angemeldet) sein\.?"
            # "Log in to comment", "Already a subscriber? Sign in".
            r"|(?:please )?(?:log ?in|sign ?in|register)(?: or (?:register|sign up|log ?in))?"
            r" to (?:comment|reply|continue|read|post|vote|see|view|access)\b.{0,60}"
            r"|(?:already (?:a )?(?:subscriber|member|registered)|have an account)\??"
            r"(?:\s*(?:log ?in|sign ?in)(?: here)?[.!]?)?"
            r"|(?:bitte )?(?:melden sie sich|melde dich|loggen sie sich|logge dich) (?:hier )?"
            r"(?:an|ein),? um\b.{1,80}"
            r"|(?:bereits|schon) (?:abonnent(?:in)?|registriert|mitglied|kunde)\??"
            r"(?:\s*(?:hier )?(?:anmelden|einloggen)[.!]?)?"
            r"|(?:connectez-vous|identifiez-vous|inscrivez-vous) pour (?:commenter|réagir|lire"
            r"|continuer|accéder)\b.{0,60}"
            r"|déjà (?:abonné|inscrit|membre)\s*\??(?:\s*(?:connectez-vous|se connecter)[.!]?)?"
            r"|(?:inicia sesión|inicie sesión|regístrate|regístrese) para"
            r" (?:comentar|leer|continuar|acceder|ver)\b.{0,60}"
            r"|¿?ya (?:eres|es) (?:suscriptor|miembro|usuario)\??(?:\s*inicia sesión[.!]?)?"
            r"|zaloguj się,? (?:aby|by) (?:skomentować|komentować|czytać|przeczytać)\b.{0,60}"
        ),
        "a login prompt",
        max_chars=120,
    ),
    # Affiliate and advertising disclosures set apart from the text.
    ChromeRule(
        "disclosure",
        _line(
            r".{0,40}\b(?:advertising|affiliate|advertiser) disclosure\b.{0,300}"
            r"|.{0,200}\b(?:we|i) (?:may )?(?:receive|earn|get) (?:a )?(?:small )?"
            r"(?:compensation|commission)\b.{0,300}"
            r"|.{0,120}\bcontains (?:affiliate links|references to products"
            r"|sponsored content)\b.{0,200}"
            r"|\*?werbung\W{0,3}dieser (?:beitrag|artikel) enthält werbung.{0,200}"
            r"|.{0,120}\benthält (?:affiliate-links|werbelinks|werbung für)\b.{0,200}"
            # A price box's footer: "Last updated on ... / The links are affiliate links".
            r"|.{0,80}\bbei den (?:verlinkungen|links) handelt es sich um.{0,200}"
            # "Products featured here are independently selected by our editors."
            r"|.{0,80}\bindependently select(?:ed|s)?\b.{0,40}\bproducts?\b.{0,300}"
            r"|.{0,80}\bproducts?\b.{0,60}\bindependently select(?:ed|s)?\b.{0,300}"
        ),
        "an affiliate or advertising disclosure",
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
        _line(
            r"(?:sorry!?\s*)?(?:there was an|an) error (?:has )?(?:occurred|processing).{0,80}"
            r"|something went wrong\b.{0,80}|please try again(?: later)?\.?"
            r"|(?:ein )?fehler ist aufgetreten.{0,80}"
            r"|une erreur (?:s'est produite|est survenue).{0,80}"
            r"|(?:se ha producido|ocurrió) un error.{0,80}"
        ),
        "a form's status message",
        max_chars=140,
    ),
    # Reprint and print tools, and the reprint notice they reveal.
    ChromeRule(
        "reprints",
        _line(
            r"order reprints?|reprints?(?: (?:&|and) permissions)?"
            r"|print (?:this )?(?:article|story)"
            r"|this copy is for your personal,? non-commercial use only\b.{0,500}"
            r"|this (?:article|story) has been sent to\b.{0,80}"
            r"|(?:e-?mail|send) (?:this )?(?:article|story) to a friend"
        ),
        "a reprint or print tool",
        max_chars=560,
    ),
    # A CMS shortcode the site failed to render: "[button link=…]Send[/button]".
    # Only a short label may sit inside: "[sourcecode]…[/sourcecode]" wraps content.
    ChromeRule(
        "shortcode",
        _line(r"\[([a-z_-]{2,30})\b[^\]]{0,300}\](?:[^\[]{0,40}\[/\1\])?"),
        "an unrendered shortcode",
        max_chars=560,
    ),
    # Cookie and consent notices that leak into text.
    ChromeRule(
        "consent",
        _line(
            r"(?:this (?:site|website) uses|we use) cookies\b.*|accept (?:all )?cookies"
            # Placeholders of embeds that load only after consent.
            r"|klicken sie auf den (?:unteren )?button, um den inhalt von .{1,80} zu laden\.?"
            r"|click (?:the button below|here) to load (?:the )?content from .{1,80}"
            r"|waiting for your (?:permission|consent) to load .{1,80}"
            # Age gates in front of a video or gallery.
            r"|(?:please )?enter your (?:date of birth|birth ?date|age) to (?:view|watch|see)"
            r" (?:this|the) (?:video|content|gallery|page)\.?"
        ),
        "a cookie or consent notice",
        max_chars=300,
    ),
    # Page navigation set in the text: a breadcrumb trail and jump links.
    ChromeRule(
        "page-nav",
        _line(
            r"(?:you are here|sie sind hier|du bist hier|vous êtes ici|usted está aquí|estás aquí"
            r"|jesteś tutaj|sei qui|você está aqui)\s*:.{0,160}"
            r"|(?:[↑▲^]\s*)?(?:back to top|to top|top of page|return to top|nach oben"
            r"|zum seitenanfang|seitenanfang|retour en haut(?: de (?:la )?page)?|haut de page"
            r"|volver arriba|ir arriba|subir|do góry|torna su|voltar ao topo)(?:\s*[↑▲^])?"
            # links to the neighbouring posts, alone or followed by their title
            r"|(?:[«‹←]\s*)?(?:(?:previous|next|older|newer) (?:post|article|story|entry)"
            r"|(?:vorheriger|nächster) (?:beitrag|artikel)|article (?:précédent|suivant)"
            r"|(?:artículo|entrada) (?:anterior|siguiente)|(?:poprzedni|następny) (?:artykuł|wpis)"
            r"|articolo (?:precedente|successivo))(?:\s*[»›→])?(?:\s*:\s*.{1,150})?"
        ),
        "a breadcrumb trail, jump link or link to the neighbouring post",
        max_chars=180,
    ),
    # Donation and membership appeals of reader-funded sites.
    ChromeRule(
        "support-appeal",
        _line(
            r"(?:\|\s*)?(?:we need your help|(?:our |independent |local )?journalism needs your"
            r" support|support (?:us|our (?:work|journalism)"
            r"|independent journalism)"
            r"|unterstützen sie (?:uns|unsere arbeit)|unterstütze (?:uns|unsere arbeit)"
            r"|soutenez(?:-nous| notre (?:travail|journalisme))|apóyanos"
            r"|apoya (?:nuestro|el) periodismo"
            r"|wesprzyj nas|sostienici|become a (?:member|supporter|patron)"
            r"|werden sie (?:mitglied|unterstützer\p{L}*)|werde (?:mitglied|unterstützer\p{L}*)"
            r"|devenez (?:membre|abonné)|hazte (?:miembro|socio|suscriptor|mecenas)"
            r"|zostań (?:patronem|członkiem))"
            # The appeal alone, or with its pitch: "Become a member and read ad-free".
            r"(?:\W{0,3}|\W{0,3}\s*(?:today|now|jetzt|heute|ahora|hoy|maintenant|dziś)\b.{0,200}"
            r"|\W{0,3}\s*(?:and|und|y|et|i|e)\s+(?:get|enjoy|support|read|unlock|help|genießen"
            r"|lesen|unterstützen|sichern|erhalten|disfruta|apoya|accede|profitez|soutenez|lisez"
            r"|ciesz|wspieraj)\b.{0,200}|\W{0,3}\s*(?:[.!:]\s*).{0,200}"
            r"|\s+(?:with (?:a|an|your)|mit (?:einer|ihrer|deiner)|con (?:una?|tu|su)"
            r"|avec (?:une?|votre)) .{0,200}"
            # ...or a donation box's text up to its button: "... Donate".
            r"|\s.{0,200}\b(?:donate(?: now| today)?|jetzt spenden|spenden|faire un don"
            r"|donar|dona ahora|wpłać|przekaż darowiznę)\W{0,3})"
            # "Support Harbor Notes with as little as 2 euros!"
            r"|(?:support|unterstütze|unterstützen sie|soutenez|apoya|wesprzyj) (?:\p{L}+ ){1,3}"
            r"(?:(?:bereits |schon )?(?:mit|with|avec|con|już) )(?:as little as |nur |seulement )?"
            r"[€$£]?\s?\d+(?:[.,]\d+)?.{0,40}"
            # The appeal set inside a note: "... Support us with a donation."
            r"|.{0,200}\b(?:support us|wesprzyj nas|unterstützen sie uns|unterstütze uns"
            r"|soutenez-nous|apóyanos)\b.{0,20}\b(?:with a (?:donation|gift)|darowizn\p{L}*"
            r"|mit einer spende|en faisant un don|con una donación|donat\p{L}*)\b.{0,120}"
        ),
        "a donation or membership appeal",
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
        _line(
            r"(?:add to|zu den) (?:favorites|favourites|favoriten)(?: hinzufügen)?"
            r"|(?:zu )?favoriten hinzufügen"
            r"|(?:(?:artikel|beitrag|rezept|tipp) )?(?:merken|favorisieren)"
            r"|save (?:this )?(?:article|story|for later)|bookmark(?: this)?(?: (?:article|page))?"
            r"|(?:subscribe|sign in|log in|register) (?:to [\p{L}\p{N}&' ]{2,40} )?to bookmark"
            r" (?:this|the) (?:article|story|page)"
            r"|ajouter (?:aux|à mes) favoris|(?:añadir|agregar) a (?:mis )?favoritos"
            r"|guardar (?:artículo|para después|para más tarde)|dodaj do ulubionych"
        ),
        "a bookmark button",
        max_chars=90,
    ),
    # Post meta strips cut into bar-separated fields: a date, categories, a
    # comment link, or a headline strip ending in its date.
    ChromeRule(
        "meta-strip",
        _line(
            r"(?:[^|]{1,60}\s\|\s){0,3}(?:categor(?:y|ies)|kategorien?|catégories?|categorías?"
            r"|filed under|posted in|tags)\s*:\s*[^|]{1,80}(?:\s\|\s[^|]{1,40}){1,3}"
            r"|(?:[^|]{1,60}\s\|\s){1,3}(?:categor(?:y|ies)|kategorien?|catégories?|categorías?"
            r"|filed under|posted in|tags)\s*:\s*[^|]{1,80}"
            r"|[^|]{3,140}(?:\s\|\s[^|]{1,40}){1,4}\s\|\s(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}"
            r"|\d{4}-\d{2}-\d{2})"
        ),
        "a strip of post metadata",
        max_chars=260,
        needs=("|",),
    ),
    # File download links with their type and size: "Annual report (PDF, 2.3 MB)".
    ChromeRule(
        "download-link",
        _line(
            # The type may be glued to the link text: "Notice of 4 May 2021PDF | 38 KB".
            r".{1,160}(?:\b|(?<=\d))(?:pdf|docx?|xlsx?|pptx?|odt|zip|epub|mp3)\s*[|,(/–-]?\s*"
            r"\d+(?:[.,]\d+)?"
            r"\s*(?:[kmg]i?b|kbytes?|mbytes?)\b.{0,80}"
        ),
        "a file download link",
        max_chars=260,
        needs=("pdf", "doc", "xls", "ppt", "odt", "zip", "epub", "mp3"),
    ),
    # Disclaimers under guides and price tables.
    ChromeRule(
        "disclaimer",
        _line(
            r"(?:alle )?angaben ohne gewähr\W{0,3}|all information (?:is )?without guarantee\W{0,3}"
            r"|(?:toutes les )?informations (?:données )?sans garantie\W{0,3}"
            r"|(?:toda la )?información sin garantía\W{0,3}"
            # Medical review notes: "This article was reviewed by doctors."
            r"|(?:medically reviewed|fact[- ]checked) by (?-i:\p{Lu}).{1,80}"
            r"|(?:dieser|der) (?:text|artikel|beitrag|inhalt)\b.{0,160}\b(?:von|durch)"
            r" (?:medizinern|ärzten|ärztinnen|fachärzten|medizinischen experten)\b.{0,20}"
            r"(?:geprüft|überprüft)\.?"
        ),
        "a disclaimer",
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


# --- data: lines that hold a field's value ---------------------------------------
# German "Stand: 07.11.2023" ("as of") is an update stamp; the bare word
# starts ordinary sentences, so only "Stand:" followed by a digit counts.
_UPDATED_PREFIX = (
    r"(?:last )?updated(?: on| at)?|modified|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?"
    r"|(?:zuletzt )?geändert am|letzte änderung|stand:(?=\s*\d)"
    r"|mis à jour(?: le)?|actualizado(?: el)?|atualizado(?: em)?"
)
_PUBLISHED_PREFIX = (
    r"(?:first )?published(?: on| at)?|posted(?: on| at)?|veröffentlicht(?: am)?|erschienen(?: am)?"
    r"|erstellt am|erscheinungsdatum|publiziert(?: am)?"
    r"|publié(?: le)?|publicado(?: el| em)?"
)
DATA_LINES: tuple[DataRule, ...] = (
    DataRule(
        "stamp-updated",
        "updated",
        _line(rf"(?:{_UPDATED_PREFIX})\s*:?\s*(?P<value>.{{3,60}})"),
        "an update stamp: moved to 'updated'",
    ),
    DataRule(
        "stamp-published",
        "published",
        _line(rf"(?:{_PUBLISHED_PREFIX})\s*:?\s*(?P<value>.{{3,60}})"),
        "a publication stamp: moved to 'published'",
    ),
    DataRule(
        "tags-line",
        "tags",
        _line(
            # English, German, French, Spanish and Polish labels; "Tag" alone
            # is German for "day" and heads itineraries ("Tag 3: Rom"). The
            # later labels also open sentences ("Tagi pomagają czytelnikom
            # …"): they need their colon.
            r"(?:(?:tags|topics|related topics|schlagwörter|themen|mots[- ]clés|etiquetas|temas)"
            r"\s*:?|(?:keywords|schlagworte|stichwörter|stichworte|étiquettes|palabras clave|tagi"
            r"|tematy|słowa kluczowe)\s*:)\s+(?P<value>.{2,200})"
        ),
        "a tag list: moved to 'tags'",
        max_chars=220,
    ),
    DataRule(
        "byline",
        "authors",
        _line(r"(?:by|von|par|por)\s+(?P<value>\p{Lu}.{2,100})"),
        "a byline: moved to 'authors'",
    ),
    # A line that is only a date ("23.10.2018", "Dienstag, 4. Juni 2019",
    # "Oct 9, 2019"), with an optional leading weekday or word and time: a
    # stamp set apart from the text. The date parser must accept the value.
    DataRule(
        "stamp-bare",
        "published",
        _line(
            r"(?:\p{L}{2,10}\.?,? )?(?P<value>(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}"
            r"|\d{4}-\d{2}-\d{2}|\p{L}{3,10}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
            r"|\d{1,2}(?:\.|st|nd|rd|th)? (?:de )?\p{L}{3,10}\.?,? (?:de )?\d{4})"
            r"(?:,? (?:um |at |à |a las )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?| uhr| h)?)?)"
            # a zone or country label after the time ("17:23, UK", "8:59 AM PT")
            r"(?:,? (?-i:[A-Z]{2,5}))?"
        ),
        "a bare date line: moved to 'published'",
        max_chars=48,
    ),
)

#: A byline line is only looked for among the first paragraphs of a body.
BYLINE_MAX_PARAGRAPH_INDEX = 3


# --- authors ----------------------------------------------------------------------
#: Words that introduce a byline and are not part of a name.
#: A list dash or bullet may stand before it ("- Redaktion: Jane Doe"), and a
#: colon after it ("By: Jane Doe", "Von: Max Muster").
BYLINE_PREFIX = regex.compile(
    r"^\s*(?:[-–—•·|]\s*)?"
    r"(?:(?:(?:written|posted|reported|text|story|photos and story) by|by|"
    r"(?:eine? (?:beitrag|artikel|kolumne|kommentar|gastbeitrag|text) |artikel |text )?von"
    r"|par|por|di|door)(?:\s?:)?"
    r"|text (?:&|und) fotos?\s?:|text\s?:|autor(?:in|en)?\s?:?"
    r"|auteur\s?:|author\s?:|authors\s?:|redaktion\s?:)"
    r"(?:\s+|(?=(?-i:\p{Lu})))",
    _FLAGS,
)

#: Credits in a byline that name someone other than an author: "Illustrations
#: by …", "Photos by …", "Edited by …". The credit and what follows it go; a
#: credit alone in its element takes the next element's names with it.
BYLINE_CREDIT = regex.compile(
    r"(?:^|(?<=[\s,;.|•·]))(?:photos?|photographs?|photography|pictures?|images?|illustrations?"
    r"|illustrated|graphics?|videos?|edited|translated|reviewed|fact[- ]checked|produced"
    r"|designed|styled|additional reporting|with reporting)\s+by\b.*$",
    _FLAGS,
)

#: Job titles, UI labels and outlet names in bylines: what is no person's name.
#: Rows per language; every word is matched case-insensitively as a whole word
#: (and as each part of a hyphenated word: "Editor-at-large", "Courier-Post").
#: Occupational surnames and given names are left out on purpose, since real
#: bylines carry them: Porter, Bishop, King, Major, Marshall, Judge, Cook,
#: Baker, Dean, Richter, Schneider, Müller; so are words a name may be
#: (Read, Close, Law, Art, Skip).


@dataclass(frozen=True, slots=True)
class PeopleWords:
    """One language's words that tell a byline's piece names no person.

    * ``roles``: head nouns of job titles. A piece holding one is a role
      ("Technology Officer", "Featured Columnist IV"), except at its ends,
      where the title is cut off the name ("Jane Doe Staff Writer").
    * ``role_modifiers``: rank, desk and field words of a title ("Senior",
      "Lead", "Sports", "Product"): cut off at either end of a name with the
      title, no verdict alone.
    * ``role_suffixes``: heads of compound titles, matched at the end of a
      word at least three letters longer ("Netzphilosophin",
      "Pressesprecher"); the bare word may be a surname (Sprecher, Leiter).
    * ``labels``: words of buttons, links and captions that are never a word
      of a person's name ("Watch Live", "No Comments", "Privacy Policy").
    * ``examples``: byline pieces that name no one; ``not_examples``: names
      that hold a look-alike word. Tests are generated from both.
    """

    id: str
    reason: str
    roles: frozenset[str]
    role_modifiers: frozenset[str] = frozenset()
    role_suffixes: tuple[str, ...] = ()
    labels: frozenset[str] = frozenset()
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PEOPLE_WORDS: tuple[PeopleWords, ...] = (
    PeopleWords(
        "en",
        "English job titles, desks and the buttons of author boxes",
        roles=_words(
            "writer writers reporter reporters correspondent editor editors contributor"
            " contributors columnist producer analyst journalist photojournalist photographer"
            " videographer blogger author critic officer manager engineer scientist director"
            " president founder cofounder ceo cto cfo coo strategist consultant researcher"
            " specialist coordinator designer developer intern expert evangelist attorney"
            " professor lecturer"
        ),
        role_modifiers=_words(
            "staff senior chief assistant deputy associate managing executive contributing"
            " freelance opinion features lead principal featured distinguished special"
            " investigative political technical technology product program software sports"
            " business science health data research digital social web general regional"
            " national"
        ),
        labels=_words(
            # buttons and links of author boxes and article tools
            "watch live listen subscribe login print share follow email contact view profile"
            " link links copied social navigation edition comment comments reply replies"
            " upcoming latest recent related trending sponsored advertisement newsletter"
            " podcast video gallery draft update updated last filed tagged privacy policy"
            " cookies terms size font user users search menu click"
            # the words of a byline's own boilerplate
            " posted written published about more all articles stories google scholar pubmed"
            " pub med"
            # "The" is never a word of a person's name: "By The Editorial Board".
            " the"
        ),
        examples=(
            "Technology Officer",
            "Featured Columnist IV",
            "Lead Draft",
            "Watch Live",
            "Product Manager",
            "Search Product Manager",
            "Software Engineer",
            "Guest Author",
            "No Comments",
            "One Comment",
            "Privacy Policy",
            "Text Size",
            "Filed Under",
            "Last Update",
            "Upcoming Games",
            "View Profile",
            "Global Editor-at-large",
        ),
        not_examples=(
            "Maria Porter",
            "Tom Bishop",
            "Ellen J. King",
            "Sam Major",
            "Dean Walters",
            "Nora Read",
            "Glenn Close",
            "Tim Cook",
            "Chris Fellows",
            # "Vice" and "Guest" are surnames too: no title words
            "Ana Vice",
            "Christopher Guest",
        ),
    ),
    PeopleWords(
        "de",
        "German job titles (also as compounds) and buttons",
        roles=_words(
            "redakteur redakteurin redakteure korrespondent korrespondentin autor autorin autoren"
            " journalist journalistin reporterin kolumnist kolumnistin fotograf fotografin"
            " volontär volontärin herausgeber herausgeberin moderator moderatorin referent"
            " referentin experte expertin berater beraterin wissenschaftler wissenschaftlerin"
            " geschäftsführer geschäftsführerin präsident präsidentin direktor direktorin"
            " gründer gründerin leiterin sprecherin"
        ),
        role_modifiers=_words(
            "stellvertretender stellvertretende leitender leitende freier freie ehemaliger"
        ),
        role_suffixes=(
            "redakteur",
            "redakteurin",
            "korrespondent",
            "korrespondentin",
            "journalist",
            "journalistin",
            "reporter",
            "reporterin",
            "autor",
            "autorin",
            "philosoph",
            "philosophin",
            "experte",
            "expertin",
            "sprecher",
            "sprecherin",
            "leiter",
            "leiterin",
            "wissenschaftler",
            "wissenschaftlerin",
            "kolumnist",
            "kolumnistin",
            "fotograf",
            "fotografin",
            "berater",
            "beraterin",
            "chef",
            "chefin",
        ),
        labels=_words(
            "veröffentlicht geschrieben artikel beitrag beiträge weitere letzte aktualisierung"
            " aktualisiert mehr alle kontakt über kommentar kommentare kommentieren teilen"
            " drucken merken vorlesen anhören abonnieren anmelden datenschutz impressum"
            " schriftgröße gesponsert gesponserte anzeige werbung kein keine"
        ),
        examples=(
            "Stellvertretende Chefredakteurin",
            "Gesponserte Inhalte",
            "Weitere Beiträge",
            "Keine Kommentare",
        ),
        not_examples=("Margit Sprecher", "Anna Richter", "Paul Leiter", "Jan Schneider"),
    ),
    PeopleWords(
        "fr",
        "French job titles and buttons",
        roles=_words(
            "rédacteur rédactrice journaliste correspondant correspondante chroniqueur"
            " chroniqueuse éditorialiste photographe directeur directrice président présidente"
            " fondateur fondatrice responsable envoyé envoyée pigiste auteure autrice"
        ),
        role_modifiers=_words("adjoint adjointe spécial spéciale chef en"),
        labels=_words(
            "publié écrit voir commentaire commentaires partager imprimer écouter abonner"
            " connexion confidentialité taille suivre direct publicité aucun aucune"
        ),
        examples=("Rédactrice en chef", "Envoyé spécial", "Aucun commentaire"),
        not_examples=("Claire Dubois", "Loïc Le Goff"),
    ),
    PeopleWords(
        "es",
        "Spanish job titles and buttons",
        roles=_words(
            "periodista redactor redactora corresponsal columnista editora directora"
            " fotógrafo fotógrafa reportero reportera enviado enviada colaborador colaboradora"
            " analista presidenta fundador fundadora jefa autora"
        ),
        role_modifiers=_words("especial adjunto adjunta jefe"),
        labels=_words(
            "publicado escrito leer ver contactar comentario comentarios compartir imprimir"
            " escuchar suscríbete privacidad tamaño seguir directo publicidad"
        ),
        examples=("Enviada especial", "Redactor Jefe", "Sin comentarios"),
        not_examples=("Nuño García", "Álvaro Ruiz"),
    ),
    PeopleWords(
        "pl",
        "Polish job titles and buttons",
        roles=_words(
            "dziennikarz dziennikarka redaktor redaktorka korespondent korespondentka autorka"
            " felietonista felietonistka publicysta publicystka reporterka fotografka prezes"
            " dyrektor dyrektorka analityk ekspert ekspertka"
        ),
        role_modifiers=_words("naczelny naczelna zastępca starszy starsza"),
        labels=_words(
            "komentarz komentarze komentarzy udostępnij drukuj czytaj zobacz więcej słuchaj"
            " subskrybuj zaloguj prywatności reklama obserwuj"
        ),
        examples=("Redaktor naczelny", "Zobacz więcej", "Brak komentarzy"),
        not_examples=("Łukasz Nowak", "Zofia Świątek"),
    ),
)

#: Degrees and credentials written after a name ("Lauren Manaker MS"); matched
#: case-sensitively, so the honorific "Ms" before a name is not one.
AUTHOR_CREDENTIALS: frozenset[str] = frozenset(
    {"MS", "MSc", "MA", "MBA", "MD", "PhD", "Ph.D", "RD", "RDN", "MPH", "RN", "DPhil", "BSc", "LD"}
)


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """One language's words of organisation names in author fields.

    An organisation needs an organisation-shaped phrase, not one word that a
    person's surname can be:

    * ``markers`` are never a word of a person's name; one makes the name an
      organisation's ("Reuters Staff", "Springfield Sentinel");
    * ``heads`` end organisation names but are surnames too (Eyal Press, Emily
      Post, Robert Service, Klaus Welle): one makes an organisation only as
      the first word ("Press Association") or beside another organisation
      word ("Associated Press", "New York Post", "Deutsche Welle");
    * ``modifiers`` are the adjectives of outlet names ("Daily", "National",
      "Free"): they make a head an organisation, no verdict alone;
    * ``suffixes`` end compound names, at least three letters longer
      ("Finanzmagazin", "Redaktionsteam");
    * ``acronyms`` are matched case-sensitively ("SID" the sports agency,
      "Sid" a given name).
    """

    id: str
    reason: str
    markers: frozenset[str]
    heads: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    acronyms: frozenset[str] = frozenset()
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()


ORGANISATION_WORDS: tuple[OrganisationWords, ...] = (
    OrganisationWords(
        "en",
        "English outlet, agency and institution names",
        markers=_words(
            "news associated agency reuters afp dpa kna epd staff team desk editorial newsroom"
            " media online magazine times daily journal tribune herald gazette inc ltd llc corp"
            " group network services wire bureau telegram sentinel courier enquirer chronicle"
            " observer examiner dispatch bulletin report blog radio project marketing"
            " communications department foundation association institute ministry university"
        ),
        heads=_words("press post service"),
        modifiers=_words(
            "new national international financial global local regional public weekly evening"
            " morning sunday free secret postal united royal canadian american british european"
        ),
        acronyms=_words("AP PA AFP SID APA DPA"),
        examples=(
            "Associated Press",
            "New York Post",
            "Free Press",
            "Press Association",
            "Secret Service",
            "Reuters Staff",
            "AP Sports",
            "SID Redaktion",
            "Springfield Sentinel",
            "Cherry Hill Courier-Post",
        ),
        not_examples=("Eyal Press", "Emily Post", "Robert Service", "Sid Meier", "KJ Apa"),
    ),
    OrganisationWords(
        "de",
        "German outlet, agency, party and institution names",
        markers=_words(
            "presse zeitung verlag magazin illustrierte nachrichten kurier anzeiger rundschau"
            " verband verein institut stiftung ministerium universität landesanstalt agentur"
            " webteam redaktion gmbh partei"
        ),
        heads=_words("bund welle"),
        modifiers=_words("deutsche deutscher deutsches"),
        suffixes=(
            "zeitung",
            "magazin",
            "verlag",
            "nachrichten",
            "verband",
            "verein",
            "institut",
            "stiftung",
            "ministerium",
            "agentur",
            "redaktion",
            "team",
            "partei",
            "presse",
        ),
        examples=(
            "Ostsee Finanzmagazin",
            "Deutsche Welle",
            "Deutscher Ruder Bund",
            "Die Redaktion",
        ),
        not_examples=("Klaus Welle", "Hans Bund"),
    ),
    # French, Spanish and Polish: the editorial team and the outlet words
    # only. A wider list (agencies, foundations, universities) was measured:
    # the check half of trafilatura-evaldata lost a page whose truth credits
    # a news agency as its author, and the look half did not move.
    OrganisationWords(
        "fr",
        "French newsroom and outlet words",
        markers=_words("rédaction presse"),
        examples=("La Rédaction", "Service Presse"),
    ),
    OrganisationWords(
        "es",
        "Spanish newsroom and outlet words",
        markers=_words("redacción prensa"),
        examples=("Redacción Central", "Prensa Regional"),
    ),
    OrganisationWords(
        "pl",
        "Polish newsroom words",
        markers=_words("redakcja"),
        examples=("Redakcja Portalu",),
    ),
)


# --- headlines --------------------------------------------------------------------
#: Separators between a headline and a site name in ``<title>`` and og:title.
TITLE_SEPARATORS: tuple[str, ...] = (
    " | ",
    " - ",
    " – ",
    " — ",
    " :: ",
    " · ",
    " » ",
    " « ",
    " • ",
    " / ",
    " : ",
    # Bars are never part of a headline, spaced or not ("NEWS WEB EASY|…");
    # tried last, so a spaced separator always wins.
    "|",
    "｜",
)


#: A bracketed label at the end of a headline that says what media the page
#: carries, not what the story is: "… 19 million miles away (video)".
HEADLINE_MEDIA_LABEL = regex.compile(
    r"\s+[(\[](?:videos?|photos?|pictures|pics|gallery|audio|podcast|watch|listen"
    r"|interactive|live|fotos?|bilder|bildergalerie)[)\]]$",
    _FLAGS,
)


# --- the safety valve -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SafetyValve:
    """When chrome stripping backs off (Readability.js's retry-with-less-cleaning)."""

    #: If stripping removes more than this share of the candidate words...
    max_removed_share: float = 0.5
    #: ...or leaves fewer words than this while the candidate had more...
    min_words_left: int = 25


SAFETY_VALVE = SafetyValve()


# --- containers -------------------------------------------------------------------
#: class/id/role vocabulary of page parts that are not the article, grouped by
#: concept. Metadata found inside these (a "3 hours ago" on a teaser card, an
#: author in a comment) is not the article's.
NON_ARTICLE_VOCABULARY: dict[str, tuple[str, ...]] = {
    "navigation": ("nav", "menu", "breadcrumb", "masthead", "site-header", "topbar"),
    "related": (
        "related",
        "recommend",
        "more-stories",
        "most-popular",
        "mostpopular",
        "most-read",
        "trending",
        "teaser",
        "promo",
        "outbrain",
        "taboola",
        "rail",
        "card",
        "widget",
        "read-next",
        "readnext",
        "also-read",
    ),
    "comments": ("comment", "disqus", "reply", "discussion"),
    "sidebar": ("sidebar", "aside"),
    "footer": ("footer", "site-footer", "colophon"),
    "share": ("share", "social"),
    "newsletter": ("newsletter", "subscribe", "signup"),
}


def _class_pattern(pattern: str) -> re.Pattern[str]:
    """A class/id vocabulary: ASCII words, so the faster stdlib ``re`` serves.

    These run over every classed element of a page; ``re`` is several times
    faster than ``regex`` for plain alternations.
    """
    return re.compile(pattern, re.IGNORECASE)


#: Elements that are never the article, whatever their class.
NON_ARTICLE_TAGS: frozenset[str] = frozenset({"nav", "aside", "footer"})

NON_ARTICLE_PATTERN = _class_pattern(
    r"(?<![^\W_])(?:"
    + "|".join(re.escape(w) for words in NON_ARTICLE_VOCABULARY.values() for w in words)
    + r")",
)

#: class/id/itemprop vocabulary of bylines.
BYLINE_VOCABULARY = _class_pattern(
    r"byline|author|autor|auteur|writer|contributor|verfasser|auth-?name|reporter"
)

#: class/id vocabulary of tag lists.
TAG_LIST_VOCABULARY = _class_pattern(
    r"(?<![^\W\d_])(?:tags?|tag-?list|tagcloud|topics?|keywords?|schlagw(?:ort|oerter|örter)e?"
    r"|themen|etiquetas|mots-cles|subjects?)(?![^\W\d_])",
)


@dataclass(frozen=True, slots=True)
class TagRowLabel:
    """The label words of a visible tag row in one language.

    A label stands alone in its element, a colon or a hash sign allowed
    ("Tags:", "# Themen"); the row is the links after it: bare links beside
    the label, or the list or block right after it. ``examples`` are label
    texts, ``not_examples`` texts that merely begin like one.
    """

    id: str
    reason: str
    words: tuple[str, ...]
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()


TAG_ROW_LABELS: tuple[TagRowLabel, ...] = (
    TagRowLabel(
        "en",
        "English tag row labels",
        (
            "tags",
            "tag",
            "tagged",
            "tagged with",
            "tagged as",
            "topics",
            "related topics",
            "keywords",
        ),
        examples=("Tags", "Tags:", "TAGS", "Tagged with:", "Related topics"),
        not_examples=("Tags are sewn into every shirt", "Topics of the day in brief"),
    ),
    TagRowLabel(
        "de",
        "German tag row labels",
        ("schlagwörter", "schlagworte", "schlagwort", "stichwörter", "stichworte", "themen"),
        examples=("Schlagwörter:", "Themen", "Stichworte"),
        not_examples=("Themen des Tages im Überblick",),
    ),
    TagRowLabel(
        "fr",
        "French tag row labels",
        ("mots-clés", "mots clés", "mots-clefs", "étiquettes", "thèmes", "sujets"),
        examples=("Mots-clés :", "Étiquettes"),
        not_examples=("Mots-clés et recherche avancée sur le site",),
    ),
    TagRowLabel(
        "es",
        "Spanish tag row labels",
        ("etiquetas", "temas", "palabras clave"),
        examples=("Etiquetas:", "Temas", "Palabras clave"),
        not_examples=("Temas de conversación para la cena",),
    ),
    TagRowLabel(
        "pl",
        "Polish tag row labels",
        ("tagi", "tematy", "słowa kluczowe"),
        examples=("Tagi:", "Tematy", "Słowa kluczowe"),
        not_examples=("Tagi i kategorie bloga w skrócie",),
    ),
    TagRowLabel(
        "it-pt-nl",
        "Italian, Portuguese and Dutch tag row labels",
        ("argomenti", "parole chiave", "tópicos", "palavras-chave", "trefwoorden", "onderwerpen"),
        examples=("Argomenti", "Tópicos:", "Trefwoorden"),
    ),
)

# Plain words, so the stdlib ``re`` serves (it runs over every short text node).
_TAG_ROW_LABEL_WORDS = "|".join(re.escape(w) for row in TAG_ROW_LABELS for w in row.words)
#: A text node that is a tag row's label and nothing else.
TAG_ROW_LABEL = re.compile(rf"^[#\s]*(?:{_TAG_ROW_LABEL_WORDS})\s*:?\s*$", re.IGNORECASE)
#: A row's text opening with its label ("Schlagworte: Schule, Bildung").
TAG_ROW_LABEL_PREFIX = re.compile(rf"^[#\s]*(?:{_TAG_ROW_LABEL_WORDS})\s*:?", re.IGNORECASE)

#: Links in a tag row that are its buttons, not tags: "More", "+3", "Show all".
TAG_ROW_BUTTON = regex.compile(
    r"^\W*(?:more|show (?:more|all)|see all|all tags|mehr|alle (?:tags|themen)|plus|voir plus"
    r"|ver más|więcej|\+\s*\d+)\W*$",
    _FLAGS,
)


def _class_words(words: str) -> re.Pattern[str]:
    """A class/id vocabulary of whole words, also in camelCase: "footer" is
    found in "site-footer", "footerLinks" and "cbsFooter", not in "footers"
    nor in "commentary" for "comment"."""
    return _class_pattern(
        r"(?:(?<![^\W\d_])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
        rf"(?:{words})(?!(?-i:[a-z]))"
    )


#: class/id vocabulary of page parts whose tag rows are not the article's:
#: teaser cards and related-story rails (each card has its own tags),
#: comments, navigation and site-wide sidebars. Whole words: a commentary
#: (an op-ed) is an article.
TAG_FOREIGN_PATTERN = _class_words(
    r"related|recommend(?:ed|ations?)?|more-stories|most-popular|mostpopular|most-read"
    r"|trending|teasers?|promo|outbrain|taboola|rails?|recirc(?:ulation)?|read-?next|also-read"
    r"|comments?|disqus|side-?bar|widgets?|nav|navbar|navigation|menu|breadcrumbs?|cards?"
)

#: class/id vocabulary of the page's own furniture: a topic list in a site
#: footer, an aside or a share bar is the site's, not the article's. Only
#: looked for outside the headline's ``<article>``, whose own footer is where
#: tag rows usually stand.
TAG_CHROME_PATTERN = _class_words(
    r"footer|colophon|aside|share|sharing|social|newsletter|subscribe|masthead|site-header"
    r"|topbar"
)

#: A lede this long is the article's first paragraph (a German Vorspann, a
#: French chapô, a long standfirst), and the body keeps it even when it sits
#: in the header; a shorter dek is a subtitle only. Measured: the corpora
#: that score ledes as text gain, the one that leaves deks out is unmoved.
LEDE_MIN_CHARS = 150

#: class/id vocabulary of containers whose subtitle-like text is not the
#: article's dek: teaser cards ("post-card__excerpt", "related-posts-title"),
#: dialogs and forms ("modal-subtitle", "push-subtitle"), ratings, captions.
#: Checked on the element and its near ancestors.
NOT_DEK_CONTAINER_VOCABULARY = _class_pattern(
    r"(?<![^\W_])(?:modal|popup|subscri|newsletter|notif|push|rating|fivestar|related"
    r"|associated|recommend|card|wpdiscuz|paywall"
    # the lead picture's caption and credit ("lead-image__caption")
    r"|caption|credit)"
)
#: ...and on the element itself also author boxes and bylines ("author-excerpt",
#: "byline-subtitle"), which the article's header often wraps its dek in,
#: Drupal's body fields ("field--type-text-with-summary"), which are text, and
#: the lead picture.
NOT_DEK_VOCABULARY = _class_pattern(
    r"author|byline|comment|with-summary"
    # "lead-image", "article-lead-media": the lead picture, not the lead text
    r"|(?<![^\W_])(?:media|image|img|photo|video|gallery)"
)

#: A dek has at least this many words: two are a section label or a rail
#: heading set under the headline ("Open Future", "Our ruling").
DEK_MIN_WORDS = 3

#: Text that is a teaser or a meta strip, not a dek, whatever its class: one
#: opening with a relative time or a media label ("7h ago - From the harbor...",
#: "Video: The bridge at night"), closing on a dateline ("Harbor Sports •
#: 02.02.2031"), or wholly in brackets.
NOT_DEK_TEXT = regex.compile(
    r"^(?:\d{1,2}\s?(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?) ago\b"
    r"|vor \d{1,2}\s?(?:min|minuten|std|stunden?|tagen?)\b"
    r"|(?:video|watch|gallery|photos?|podcast|listen|audio)\s*[:|])"
    r"|[•|·]\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}$"
    # a note wholly in brackets: "(Share of the daily need in per cent)"
    r"|^\([^()]*\)$",
    _FLAGS,
)

#: class/id vocabulary of subtitles (deks, standfirsts).
SUBTITLE_VOCABULARY = _class_pattern(
    r"subtitle|sub-title|subhead|dek(?![^\W\d_])|standfirst|summary|lede|lead-text|intro|teaser-text"
    r"|kicker-text|excerpt|artikel-teaser|article-teaser|vorspann|chapo|chapeau|preface"
    r"|(?<![^\W_])(?:lead|abstract)(?![^\W_])",
)

#: Containers whose dates are never the article's: teaser rails and comment
#: threads. Stamps inside them are skipped, and a date htmldate finds only
#: there is refused. A narrower list than NON_ARTICLE_VOCABULARY on purpose:
#: a post's own date often sits in a "meta" or "share" bar, which must stay.
DATE_FOREIGN_CONTAINER_TAGS: frozenset[str] = frozenset({"div", "section", "aside", "ul", "ol"})
DATE_FOREIGN_PATTERN = _class_pattern(
    r"(?<![^\W_])(?:related|recommend|more-stories|most-popular|mostpopular|most-read"
    r"|trending|teaser|outbrain|taboola|comment|disqus)",
)

#: (month, day) htmldate answers when it found a year only, such as the
#: "© 2016" of a page footer: it is no publication day. On the three corpora
#: with publication dates, each of its January 1 answers was wrong (4 pages
#: with a true date; 22 more pages without one got a date this way).
HTMLDATE_YEAR_ONLY_DAY = (1, 1)

#: Labels of dates that are not the article's: a forum member's sign-up day,
#: an event's day, a deadline, a birthday. A header date behind one of them
#: is skipped.
DATE_FOREIGN_LABELS = regex.compile(
    r"^\W*(?:registriert|registered|joined|member since|mitglied seit|dabei seit|born|geboren"
    r"|event|termin|veranstaltung|deadline|einsendeschluss|frist|expires|gültig bis|valid until"
    r"|inscrit|inscrito)\b",
    _FLAGS,
)

#: The one time zone a page's declared locale (``<html lang>``, else
#: ``og:locale``) places it in: the key is a language alone when (nearly)
#: everyone who writes it lives in one zone, else a language-region pair with
#: a one-zone region. Used for one thing only: a UTC stamp that is exactly
#: midnight in this zone, to the microsecond, is a day-only value a CMS
#: stored as local midnight ("2022-11-06T23:00:00.000Z" on a German page is
#: November 7). Left out on purpose: languages spread over many zones (en,
#: es, fr, pt, ru, ar) and regions with several (en-US, en-CA, en-AU, pt-BR),
#: where 22:00Z can be an evening story (6 p.m. EDT).
LOCALE_ZONES: dict[str, str] = {
    # Central European Time (UTC+1, +2 in summer)
    "de": "Europe/Berlin",
    "de-at": "Europe/Vienna",
    "de-ch": "Europe/Zurich",
    "pl": "Europe/Warsaw",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana",
    "fr-fr": "Europe/Paris",
    "fr-be": "Europe/Brussels",
    "fr-ch": "Europe/Zurich",
    "es-es": "Europe/Madrid",
    "ca": "Europe/Madrid",
    # Eastern European Time (UTC+2, +3 in summer)
    "fi": "Europe/Helsinki",
    "el": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
    # Western European Time and one-zone regions elsewhere
    "en-gb": "Europe/London",
    "en-ie": "Europe/Dublin",
    "pt-pt": "Europe/Lisbon",
    "en-in": "Asia/Kolkata",
    "hi": "Asia/Kolkata",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
}

#: class/id vocabulary of a site's logo or name; blog themes put it in an <h1>.
BRANDING_VOCABULARY = _class_pattern(
    r"site-title|site-name|sitename|blog-title|blogtitle|site-branding|branding|logo|masthead"
    r"|header-title|brand",
)

#: class vocabulary of headings that hold a post's headline below a branded h1.
HEADLINE_CLASS_VOCABULARY = _class_pattern(
    r"headline|entry-title|post-title|article-title|story-title|title"
)

#: class vocabulary of headings hidden from sight: text only for screen readers.
HEADLINE_HIDDEN_VOCABULARY = _class_pattern(
    r"sr-only|visually-hidden|screen-reader|visuallyhidden|hidden-text|offscreen",
)

#: class vocabulary of labels inside a headline element that are not part of it:
#: kickers / overlines ("Corona-Pandemie", "100. Geburtstag") and text only for
#: screen readers ("Headline:").
KICKER_VOCABULARY = _class_pattern(
    r"kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke|supertitle|pretitle"
    r"|sub-heading|subheading|subtitle"
    r"|sr-only|visually-hidden|screen-reader|visuallyhidden|hidden-text|offscreen",
)


# --- blocks: where an extracted line sits in the page ----------------------------
@dataclass(frozen=True, slots=True)
class BlockRule:
    """A body line dropped for the element it comes from, not for its words.

    The rule fires when the line's element, or one of its nearest
    ``BLOCK_RULE_MAX_ANCESTORS`` ancestors, is one of ``inside_tags`` or has a
    class/id matching ``container``. A ``minority_only`` rule fires only on a
    container that holds less than ``BLOCK_RULE_MINORITY_SHARE`` of the
    extracted lines: a box beside the text, not a wrapper of the article that a
    site happens to name with the same word ("story-share-wrap").
    """

    id: str
    reason: str
    inside_tags: frozenset[str] = frozenset()
    container: re.Pattern[str] | None = None
    minority_only: bool = False


#: How far up from a line's element a block rule looks. Captions and bios are
#: small boxes; looking further would reach wrappers of the whole article.
BLOCK_RULE_MAX_ANCESTORS = 6
#: A ``minority_only`` rule spares containers holding at least this share of
#: the extracted lines. Measured: 0.3 instead of 0.5 keeps 0.0004 less aed
#: precision (some related boxes hold a third of a short body's lines).
BLOCK_RULE_MINORITY_SHARE = 0.5

BLOCK_RULES: tuple[BlockRule, ...] = (
    # Paragraphs and headings wrapped in a link are teaser cards: article text
    # is never one big link.
    BlockRule("inside-link", "a block set inside a link: a teaser card", frozenset({"a"})),
    # Picture and video captions: the reader sees them beside an image, and
    # they repeat or trail the text ("imageCaption", "caption-text", <figcaption>).
    BlockRule(
        "caption",
        "an image or video caption",
        frozenset({"figcaption"}),
        container=_class_pattern(r"caption"),
    ),
    # Author boxes under an article ("About the author", a bio paragraph).
    BlockRule(
        "author-bio",
        "an author's biography box",
        container=_class_pattern(
            r"(?<![^\W_])(?:bio|author-?bio|biography|about-the-author|about-author"
            r"|author[-_]?(?:info\w*|box|card|details|profile))(?![^\W_])"
        ),
    ),
    # In-text promotion boxes for other products or stories.
    BlockRule("promo", "a promotion box", container=_class_pattern(r"(?<![^\W_])promo(?![^\W_])")),
    # Lists of other stories set in or under the text ("More from us", "Most
    # read today", recirculation widgets). Sites also give these words to the
    # article's own wrapper, hence minority_only.
    BlockRule(
        "related-box",
        "a box of links to other stories",
        container=_class_pattern(
            r"(?<![^\W_])(?:related|recommend|more-?stories|most-?popular|popular|most-?read"
            r"|trending|read-?next|also-?read|you-may-like|latest-news|recirc|outbrain|taboola"
            r"|links?-?box|link-?list|link-?liste|next-?(?:story|post|article)s?"
            # French, German, Spanish, Italian, Polish class names of the same boxes
            r"|lire-?aussi|a-lire|voir-?aussi|savoir-?plus|en-savoir"
            r"|weitere-?artikel|mehr-?zum-?thema|verwandte|empfehlung|lesetipp"
            r"|relacionad|te-puede-interesar|leer-mas|correlat|czytaj-?tez|powiazane|polecane)"
        ),
        minority_only=True,
    ),
    # Share and print toolbars (share, print and reprint buttons). "social" is
    # not here: byline boxes with social links hold the dek on some sites.
    BlockRule(
        "share-box",
        "a share or print toolbar",
        container=_class_pattern(
            r"(?<![^\W_])(?:share|sharing|print-tools|article-tools|reprints?)"
        ),
        minority_only=True,
    ),
    # Newsletter sign-up boxes. "subscribe" and "subscription" are not here:
    # paywalled article text sits in containers named so.
    BlockRule(
        "newsletter-box",
        "a newsletter sign-up box",
        container=_class_pattern(r"(?<![^\W_])(?:newsletters?|signup|sign-up|optin|opt-in)"),
        minority_only=True,
    ),
    # Readers' comments under the article. Whole words only: "commentary" and
    # "comment-count" are not the comments themselves.
    BlockRule(
        "comments-box",
        "readers' comments",
        container=_class_pattern(r"(?<![^\W_])(?:comments?|disqus|discussion)(?![^\W_])"),
        minority_only=True,
    ),
)

#: A paragraph or subhead that is nothing but one link to another page, of at
#: least LINK_LINE_MIN_WORDS words, is a teaser set into the text ("Five things
#: to know before the vote", "GET OUR APP FOR BREAKING NEWS"): article prose is
#: never one link from end to end. Shorter ones are names of products or places
#: in a list the article gives. A quote that is one link is an embedded post
#: card. List items are not here: a link-only list item did not measure better.
LINK_LINE_TAGS: frozenset[str] = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
LINK_LINE_MIN_WORDS = 4
#: Link targets that stay on the page, and so are no teaser.
LINK_LINE_SAME_PAGE_PREFIXES = ("#", "javascript:")


# --- split bodies: articles cut into several same-class containers ----------------
#: Some layouts cut one article into several sibling containers with the same
#: tag and class (a chunk per ad slot); extractors often keep only the first.
#: Prose paragraphs of same-class containers are added back when they sit within
#: this many levels above the container that holds most extracted paragraphs...
CONTINUATION_MAX_LEVELS = 4
#: ...and when less than this share of a paragraph's text is link text.
CONTINUATION_MAX_LINK_SHARE = 0.3


# --- the article's own container: a second opinion on the body --------------------
#: class/id vocabulary of the element that holds an article's text, as CMS
#: templates mark it (itemprop=articleBody is checked as well).
BODY_CONTAINER_VOCABULARY = _class_pattern(
    r"(?<![^\W_])(?:article-?body|article__body|story-?body|entry-content|post-content"
    r"|article-?content|story-content|post-body|body-?text|article-?text|article__content"
    r"|content-body|rich-text)(?![^\W_])"
)
#: Tags such a container has; a matching <p> or <span> is a styled line.
BODY_CONTAINER_TAGS: frozenset[str] = frozenset({"div", "section", "article", "main"})


@dataclass(frozen=True, slots=True)
class ContainerCheck:
    """When the marked container overrules the extractor's first choice.

    The extractor's text is checked against the page's largest marked body
    container: if less than ``min_share_inside`` of it comes from there, the
    extractor probably read a teaser list or a sidebar, and it is asked again
    on the container alone. The second answer wins if it is at least
    ``min_length_ratio`` as long as the first.
    """

    #: Containers with less text than this are not trusted to hold an article.
    min_container_chars: int = 500
    min_share_inside: float = 0.3
    min_length_ratio: float = 0.7


CONTAINER_CHECK = ContainerCheck()


# --- pop-ups set inside the text ----------------------------------------------------
#: class/id vocabulary of cards that appear on hover over a name or term in
#: a paragraph (a person's photo and their latest articles). Their markup
#: sits inside the sentence, so without this the card's text runs into it.
INLINE_POPUP_VOCABULARY = _class_pattern(
    r"(?<![^\W_])(?:rollover|hover-?card|popover|tooltip|hover-?box)(?![^\W_])"
)
#: Only a card that is mostly links goes: a glossary tooltip explaining a
#: term in plain words is text a reader may want.
INLINE_POPUP_MIN_LINK_SHARE = 0.8
#: How far up a paragraph may be for the card to count as inside the text.
INLINE_POPUP_MAX_DEPTH = 6


# --- the shape of body blocks -------------------------------------------------------
#: A table of one row or one column lays out the page (data comes in a
#: series). So does a table with at most this many columns whose cells hold
#: prose (a cell of LAYOUT_TABLE_PROSE_CELL_CHARS or more): its cells are
#: paragraphs, not data. Data tables hold short values ("3.2 %", "Berlin");
#: old pages set the whole article in a two-column layout table.
LAYOUT_TABLE_MAX_COLUMNS_FOR_PROSE = 3
LAYOUT_TABLE_PROSE_CELL_CHARS = 300
#: A cell of such a table whose text is at least this share link text is the
#: site's menu beside the article ("Home / News / Contact" down the left side),
#: not part of it; a cell of prose with a few links in it stays.
LAYOUT_MENU_MIN_LINK_SHARE = 0.7

#: class/id vocabulary of blockquotes that are a social post embedded by its
#: service's script (the quote holds the post's text and its link), not a
#: quotation of the article: examples "twitter-tweet", "instagram-media",
#: "tiktok-embed", "reddit-card", "bluesky-embed", "mastodon-embed",
#: "threads-post"; not "pullquote", "blockquote-tweetable" (a quotation with a
#: share button).
EMBEDDED_POST_VOCABULARY = _class_pattern(
    r"(?<![^\W_])(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-card"
    r"|reddit-embed|bluesky-embed|mastodon-embed|threads-post|fb-xfbml-parse-ignore"
    r"|facebook-post|linkedin-post)(?![^\W_])"
)

#: Host names of embedded players and posts, and the kind of embed each gives
#: (an iframe's ``src``). Examples: "https://www.youtube-nocookie.com/embed/x"
#: is a video; "https://open.spotify.com/embed/episode/x" audio; an ad frame
#: from an unknown host is no embed.
EMBED_HOSTS: tuple[tuple[str, str], ...] = (
    ("youtube.com", "video"),
    ("youtube-nocookie.com", "video"),
    ("youtu.be", "video"),
    ("vimeo.com", "video"),
    ("dailymotion.com", "video"),
    ("jwplayer.com", "video"),
    ("brightcove.net", "video"),
    ("spotify.com", "audio"),
    ("soundcloud.com", "audio"),
    ("podcasts.apple.com", "audio"),
    ("anchor.fm", "audio"),
    ("podbean.com", "audio"),
    ("google.com/maps", "map"),
    ("openstreetmap.org", "map"),
    ("datawrapper.dwcdn.net", "other"),
    ("flourish.studio", "other"),
    ("twitter.com", "post"),
    ("x.com", "post"),
    ("instagram.com", "post"),
    ("facebook.com", "post"),
    ("tiktok.com", "post"),
)

#: class/id vocabulary of a picture credit inside a figure ("Foto: dpa",
#: "Photo: Reuters"): examples "credit", "image-credit", "copyright",
#: "photographer", "bildquelle"; not "credit-card-offer" (a whole word only).
FIGURE_CREDIT_VOCABULARY = _class_pattern(
    r"(?<![^\W_])(?:credits?|image-?credit|photo-?credit|copyright|photographer|bildquelle"
    r"|quelle|source)(?![^\W_])"
)
#: An image narrower than this (by its width attribute) is an icon, an avatar
#: or a tracking pixel, not a figure of the article.
FIGURE_MIN_WIDTH = 120
#: Attributes that lazy-loading scripts read the real image address from, in
#: order of trust; ``src`` then often holds a placeholder.
IMAGE_SOURCE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "src")
