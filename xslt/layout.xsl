<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared layout of every public page.  Each page stylesheet imports this one
  (xsl:import, so its own templates win) and supplies two templates:

    <xsl:template match="page" mode="title">   text of <title> before the site name
    <xsl:template match="page" mode="main">    the content of <main>

  Input is the page document described in HACKING.md ("Page XML").  UI text
  comes only from kt:msg('key'), looked up in the page's language; data comes
  from the document and is escaped by the serializer.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="kt str">

  <!-- libxml2's HTML serializer adds <meta http-equiv="Content-Type" …> to
       <head> itself, so no <meta charset> is written here (two would be an
       error in HTML5). -->
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Form controls, error summary, notices (HACKING.md, "Forms"). -->
  <xsl:include href="forms.xsl"/>

  <!-- Description and Open Graph tags of each public page type. -->
  <xsl:include href="meta.xsl"/>

  <!-- Indentation in hand-written documents must not leak into inline text. -->
  <xsl:strip-space elements="*"/>

  <!-- Finnish and Swedish number style: decimal comma, non-breaking space
       between thousands.  English uses the default decimal-format. -->
  <xsl:decimal-format name="comma" decimal-separator="," grouping-separator="&#160;"/>

  <xsl:variable name="lang" select="string(/page/@lang)"/>
  <xsl:variable name="home" select="concat('/', $lang, '/')"/>
  <xsl:variable name="search-url" select="concat('/', $lang, '/activities')"/>
  <!-- ISO weekday offsets for Sakamoto's day-of-week method, January first. -->
  <xsl:variable name="month-offsets" select="'032503514624'"/>

  <!-- ===================================================================
       Page shell
       =================================================================== -->

  <xsl:template match="/">
    <!-- libxslt's html method writes no HTML5 doctype of its own; this is the
         only place disable-output-escaping is allowed (never on data). -->
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$lang}">
      <xsl:apply-templates select="page" mode="head"/>
      <body class="page-{page/@type}">
        <a class="skip-link" href="#main"><xsl:value-of select="kt:msg('skip.main')"/></a>
        <xsl:call-template name="site-header"/>
        <main id="main" tabindex="-1">
          <div class="wrap">
            <xsl:apply-templates select="page" mode="main"/>
          </div>
        </main>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="page" mode="head">
    <xsl:variable name="own"><xsl:apply-templates select="." mode="title"/></xsl:variable>
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>
        <!-- a form shown again with errors says so first (WCAG 3.3.1) -->
        <xsl:if test="form-state[number(@errors) &gt; 0]">
          <xsl:value-of select="kt:msg('form.title.errors')"/>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space($own)">
          <xsl:value-of select="normalize-space($own)"/>
          <xsl:text> – </xsl:text>
        </xsl:if>
        <xsl:value-of select="kt:msg('site.name')"/>
      </title>
      <link rel="stylesheet" href="/static/site.css"/>
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>
      <!-- Canonical URL only for real pages, not for error answers. -->
      <xsl:if test="(not(@status) or @status = '200') and string(@base) and @path">
        <link rel="canonical" href="{@base}{@path}"/>
      </xsl:if>
      <!-- description and Open Graph tags of public pages (meta.xsl) -->
      <xsl:apply-templates select="." mode="meta">
        <xsl:with-param name="title" select="string($own)"/>
      </xsl:apply-templates>
      <xsl:for-each select="alternates/alternate">
        <link rel="alternate" hreflang="{@lang}" href="{/page/@base}{@href}"/>
      </xsl:for-each>
      <link rel="alternate" type="application/atom+xml" href="/feed/activities.atom?lang={$lang}"
            title="{kt:msg('feed.atom.title')}"/>
      <!-- a page stylesheet's own feeds (news.xsl: the news feed) -->
      <xsl:apply-templates select="." mode="feeds"/>
      <!-- browsers offer the site's search in their address bar -->
      <link rel="search" type="application/opensearchdescription+xml"
            href="/{$lang}/opensearch.xml" title="{kt:msg('opensearch.short-name')}"/>
    </head>
  </xsl:template>

  <!-- Default page parts; every page stylesheet overrides both (and may add
       feeds to the head). -->
  <xsl:template match="page" mode="title"/>
  <xsl:template match="page" mode="main"/>
  <xsl:template match="page" mode="feeds"/>

  <xsl:template name="site-header">
    <header class="site-header">
      <div class="wrap header-bar">
        <a class="site-name" href="{$home}">
          <img class="site-logo" src="/static/favicon.svg" alt="" width="36" height="36"/>
          <span><xsl:value-of select="kt:msg('site.name')"/></span>
        </a>
        <xsl:call-template name="language-switcher"/>
      </div>
      <nav class="main-nav" aria-label="{kt:msg('nav.main.label')}">
        <ul class="wrap">
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="$home"/>
            <xsl:with-param name="text" select="kt:msg('nav.front')"/>
          </xsl:call-template>
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="$search-url"/>
            <xsl:with-param name="text" select="kt:msg('nav.activities')"/>
          </xsl:call-template>
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="concat($home, 'news')"/>
            <xsl:with-param name="text" select="kt:msg('nav.news')"/>
          </xsl:call-template>
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="concat($home, 'projects')"/>
            <xsl:with-param name="text" select="kt:msg('nav.projects')"/>
          </xsl:call-template>
          <!-- how an organisation gets listed: on every page (issue 14) -->
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="concat($home, 'for-organisations')"/>
            <xsl:with-param name="text" select="kt:msg('nav.for-organisations')"/>
          </xsl:call-template>
          <xsl:call-template name="account-nav"/>
        </ul>
      </nav>
    </header>
  </xsl:template>

  <!-- Signed in (/page/viewer): the workspace, moderation for moderators,
       and signing out, which is a POST with the session's token (a link
       would let any page sign people out).  Otherwise: sign in. -->
  <xsl:template name="account-nav">
    <xsl:choose>
      <xsl:when test="/page/viewer">
        <xsl:call-template name="nav-item">
          <xsl:with-param name="href" select="concat($home, 'manage')"/>
          <xsl:with-param name="text" select="kt:msg('nav.manage')"/>
        </xsl:call-template>
        <xsl:call-template name="nav-item">
          <xsl:with-param name="href" select="concat($home, 'account')"/>
          <xsl:with-param name="text" select="kt:msg('nav.account')"/>
        </xsl:call-template>
        <xsl:if test="/page/viewer/@moderator = 'true'">
          <xsl:call-template name="nav-item">
            <xsl:with-param name="href" select="concat($home, 'moderation')"/>
            <xsl:with-param name="text" select="kt:msg('nav.moderation')"/>
          </xsl:call-template>
        </xsl:if>
        <li>
          <form class="nav-form" method="post" action="{$home}logout">
            <input type="hidden" name="csrf" value="{/page/viewer/@csrf}"/>
            <button type="submit" class="nav-button"><xsl:value-of select="kt:msg('nav.logout')"/></button>
          </form>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="nav-item">
          <xsl:with-param name="href" select="concat($home, 'login')"/>
          <xsl:with-param name="text" select="kt:msg('nav.login')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One main navigation link; marked as the current page when it is. -->
  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="text"/>
    <li>
      <a href="{$href}">
        <xsl:if test="/page/@path = $href">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </a>
    </li>
  </xsl:template>

  <!-- Each language is named in itself (Suomi, Svenska, English), so that a
       reader finds their language whatever the page's language is. -->
  <xsl:template name="language-switcher">
    <xsl:if test="/page/alternates/alternate">
      <nav class="lang-nav" aria-label="{kt:msg('nav.language.label')}">
        <ul>
          <xsl:for-each select="/page/alternates/alternate">
            <li>
              <a href="{@href}" lang="{@lang}" hreflang="{@lang}">
                <xsl:if test="@current = 'true' or @lang = $lang">
                  <xsl:attribute name="aria-current">true</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="kt:msg(concat('lang.', @lang))"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="site-footer">
    <footer class="site-footer">
      <div class="wrap footer-grid">
        <section class="footer-about" aria-labelledby="footer-about-heading">
          <h2 id="footer-about-heading"><xsl:value-of select="kt:msg('footer.about.heading')"/></h2>
          <p><xsl:value-of select="kt:msg('footer.about.text')"/></p>
        </section>
        <nav class="footer-nav" aria-label="{kt:msg('footer.nav.label')}">
          <ul>
            <li><a href="{$home}help"><xsl:value-of select="kt:msg('footer.help')"/></a></li>
            <!-- the organisations directory (issue 12 item 5) -->
            <li><a href="{$home}organisations"><xsl:value-of select="kt:msg('footer.organisations')"/></a></li>
            <!-- feedback to the moderators, also the accessibility feedback channel -->
            <li><a href="{$home}contact"><xsl:value-of select="kt:msg('footer.contact')"/></a></li>
            <li><a href="{$home}accessibility"><xsl:value-of select="kt:msg('footer.accessibility')"/></a></li>
            <li><a href="{$home}privacy"><xsl:value-of select="kt:msg('footer.privacy')"/></a></li>
            <li><a href="{$home}terms"><xsl:value-of select="kt:msg('footer.terms')"/></a></li>
            <!-- the partner guide, which links the feed itself, its schema and Atom -->
            <li><a href="{$home}feed"><xsl:value-of select="kt:msg('footer.feed')"/></a></li>
          </ul>
        </nav>
      </div>
    </footer>
  </xsl:template>

  <!-- ===================================================================
       Content texts and language fallback
       A text element carries @lang, the language it is really in.  When that
       differs from the page's language the output says so: the element gets
       lang (screen readers switch voice) and a note in the page's language.
       =================================================================== -->

  <xsl:template name="is-fallback">
    <xsl:param name="text" select="."/>
    <xsl:if test="$text/@lang and string($text/@lang) != $lang">yes</xsl:if>
  </xsl:template>

  <!-- Short note after an inline text: " (på finska)". -->
  <xsl:template name="fallback-note">
    <xsl:param name="text" select="."/>
    <xsl:if test="$text/@lang and string($text/@lang) != $lang">
      <xsl:text> </xsl:text>
      <span class="fallback-note">
        <xsl:value-of select="kt:msg(concat('fallback.', $text/@lang))"/>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- An inline content text, optionally as a link.  Puts lang on the link or
       on a span, and the note after it, outside the foreign-language part. -->
  <xsl:template name="text-inline">
    <xsl:param name="text" select="."/>
    <xsl:param name="href"/>
    <xsl:variable name="foreign" select="$text/@lang and string($text/@lang) != $lang"/>
    <xsl:choose>
      <xsl:when test="string($href)">
        <a href="{$href}">
          <xsl:if test="$foreign">
            <xsl:attribute name="lang"><xsl:value-of select="$text/@lang"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="normalize-space($text)"/>
        </a>
      </xsl:when>
      <xsl:when test="$foreign">
        <span lang="{$text/@lang}"><xsl:value-of select="normalize-space($text)"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($text)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="fallback-note">
      <xsl:with-param name="text" select="$text"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A longer content text: paragraphs, with a sentence before it when it is
       not in the page's language. -->
  <xsl:template name="text-block">
    <xsl:param name="text" select="."/>
    <xsl:param name="class" select="'prose'"/>
    <xsl:variable name="foreign" select="$text/@lang and string($text/@lang) != $lang"/>
    <xsl:if test="$foreign">
      <p class="fallback-notice">
        <xsl:value-of select="kt:msg(concat('fallback.text.', $text/@lang))"/>
      </p>
    </xsl:if>
    <div class="{$class}">
      <xsl:if test="$foreign">
        <xsl:attribute name="lang"><xsl:value-of select="$text/@lang"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="paragraphs">
        <xsl:with-param name="s" select="translate(string($text), '&#13;', '')"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- Paragraphs are separated by a blank line; a single newline inside a
       paragraph stays a line break.  EXSLT str:split (the module registers
       libexslt) rather than a recursive template: recursion would hit
       libxslt's depth limit on a text of a few thousand lines and turn a
       long description into a 500.  str:split drops empty pieces, and pieces
       of only spaces are skipped, so runs of blank lines give no empty <p>. -->
  <xsl:template name="paragraphs">
    <xsl:param name="s"/>
    <xsl:for-each select="str:split($s, '&#10;&#10;')[normalize-space(.)]">
      <p>
        <xsl:call-template name="lines">
          <xsl:with-param name="s" select="string(.)"/>
        </xsl:call-template>
      </p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="lines">
    <xsl:param name="s"/>
    <xsl:for-each select="str:split($s, '&#10;')[normalize-space(.)]">
      <xsl:if test="position() &gt; 1"><br/></xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A short excerpt of a text: its first paragraph only. -->
  <xsl:template name="first-paragraph">
    <xsl:param name="text" select="."/>
    <xsl:variable name="s" select="translate(string($text), '&#13;', '')"/>
    <xsl:choose>
      <xsl:when test="normalize-space(substring-before($s, '&#10;&#10;'))">
        <xsl:value-of select="normalize-space(substring-before($s, '&#10;&#10;'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($s)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================
       Dates, times, numbers
       =================================================================== -->

  <!-- Text of a date 'YYYY-MM-DD' (anything after the tenth character, such
       as a time, is ignored): fi/sv 1.12.2026, en 1 December 2026. -->
  <xsl:template name="date-text">
    <xsl:param name="date"/>
    <xsl:variable name="y" select="substring($date, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string($m) = 'NaN' or string($d) = 'NaN'">
        <xsl:value-of select="$date"/>
      </xsl:when>
      <xsl:when test="$lang = 'en'">
        <xsl:value-of select="concat($d, ' ', kt:msg(concat('month.', $m)), ' ', $y)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($d, '.', $m, '.', $y)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date as <time>, machine-readable in datetime. -->
  <xsl:template name="date">
    <xsl:param name="date"/>
    <time datetime="{substring($date, 1, 10)}">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </time>
  </xsl:template>

  <!-- 'HH:MM' as fi/sv 17.00, en 17:00, inside <time>. -->
  <xsl:template name="time">
    <xsl:param name="time"/>
    <xsl:variable name="hm" select="substring($time, 1, 5)"/>
    <time datetime="{$hm}">
      <xsl:choose>
        <xsl:when test="$lang = 'en'"><xsl:value-of select="$hm"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate($hm, ':', '.')"/></xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- A time range 17.00–19.00. -->
  <xsl:template name="time-range">
    <xsl:param name="start"/>
    <xsl:param name="end"/>
    <xsl:call-template name="time">
      <xsl:with-param name="time" select="$start"/>
    </xsl:call-template>
    <xsl:if test="string($end)">
      <xsl:text>–</xsl:text>
      <xsl:call-template name="time">
        <xsl:with-param name="time" select="$end"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A local date and time 'YYYY-MM-DDTHH:MM' with its weekday:
       fi "tiistai 1.12.2026 klo 17.00", en "Tuesday 1 December 2026 at 17:00". -->
  <xsl:template name="date-time">
    <xsl:param name="at"/>
    <!-- weekday-of's arithmetic inline: its answer passed on as a result tree
         fragment cost a card more than the rest of its date -->
    <xsl:variable name="m" select="number(substring($at, 6, 2))"/>
    <xsl:variable name="y" select="number(substring($at, 1, 4)) - number($m &lt; 3)"/>
    <xsl:variable name="sun0"
        select="($y + floor($y div 4) - floor($y div 100) + floor($y div 400)
                 + number(substring($month-offsets, $m, 1)) + number(substring($at, 9, 2))) mod 7"/>
    <xsl:value-of select="kt:msg(concat('weekday.', $sun0 + 7 * ($sun0 = 0)))"/>
    <xsl:text> </xsl:text>
    <time datetime="{$at}">
      <xsl:call-template name="date-text"><xsl:with-param name="date" select="$at"/></xsl:call-template>
      <xsl:value-of select="concat(' ', kt:msg('time.at'), ' ')"/>
      <xsl:choose>
        <xsl:when test="$lang = 'en'"><xsl:value-of select="substring($at, 12, 5)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate(substring($at, 12, 5), ':', '.')"/></xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- Name of ISO weekday 1 (Monday) … 7 (Sunday). -->
  <xsl:template name="weekday-name">
    <xsl:param name="n"/>
    <xsl:value-of select="kt:msg(concat('weekday.', number($n)))"/>
  </xsl:template>

  <!-- ISO weekday (1 = Monday) of a date 'YYYY-MM-DD', by Sakamoto's method
       (which counts 0 = Sunday). -->
  <xsl:template name="weekday-of">
    <xsl:param name="date"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4)) - number($m &lt; 3)"/>
    <xsl:variable name="sun0"
        select="($y + floor($y div 4) - floor($y div 100) + floor($y div 400)
                 + number(substring($month-offsets, $m, 1)) + $d) mod 7"/>
    <xsl:choose>
      <xsl:when test="$sun0 = 0">7</xsl:when>
      <xsl:otherwise><xsl:value-of select="$sun0"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An amount of euros: fi/sv "5,00 €", en "€5.00".  Whole amounts above
       999 (project grants) are shown without cents. -->
  <xsl:template name="euros">
    <xsl:param name="amount"/>
    <xsl:variable name="n" select="number($amount)"/>
    <xsl:variable name="whole" select="$n = floor($n) and $n &gt;= 1000"/>
    <xsl:choose>
      <xsl:when test="string($n) = 'NaN'"><xsl:value-of select="$amount"/></xsl:when>
      <xsl:when test="$lang = 'en' and $whole">
        <xsl:value-of select="concat('€', format-number($n, '#,##0'))"/>
      </xsl:when>
      <xsl:when test="$lang = 'en'">
        <xsl:value-of select="concat('€', format-number($n, '#,##0.00'))"/>
      </xsl:when>
      <xsl:when test="$whole">
        <xsl:value-of select="concat(format-number($n, '#&#160;##0', 'comma'), '&#160;€')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(format-number($n, '#&#160;##0,00', 'comma'), '&#160;€')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <price free="true"/> or <price free="false" amount="5.00"/>. -->
  <xsl:template name="price">
    <xsl:param name="price" select="price"/>
    <xsl:choose>
      <xsl:when test="$price/@free = 'true' or number($price/@amount) = 0">
        <xsl:value-of select="kt:msg('price.free')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="euros">
          <xsl:with-param name="amount" select="$price/@amount"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================
       Small helpers
       =================================================================== -->

  <!-- Names of a vocabulary list, comma separated: "suomi, arabia". -->
  <xsl:template name="names">
    <xsl:param name="items"/>
    <xsl:for-each select="$items">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Vocabulary terms as a real list (screen readers announce the count). -->
  <xsl:template name="term-list">
    <xsl:param name="items"/>
    <ul class="terms">
      <xsl:for-each select="$items">
        <li><xsl:value-of select="normalize-space(.)"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- Only http(s) addresses become links: a javascript: or data: URL that
       slipped past validation is shown as text, never made clickable. -->
  <xsl:template name="is-web-url">
    <xsl:param name="url"/>
    <xsl:variable name="lower" select="translate(substring(normalize-space($url), 1, 8),
                                       'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="starts-with($lower, 'https://') or starts-with($lower, 'http://')">yes</xsl:if>
  </xsl:template>

  <xsl:template name="web-link">
    <xsl:param name="url"/>
    <xsl:param name="text" select="$url"/>
    <xsl:variable name="ok">
      <xsl:call-template name="is-web-url"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = 'yes'"><a href="{normalize-space($url)}"><xsl:value-of select="$text"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where an activity happens, in one line: municipality, online, nationwide. -->
  <xsl:template name="place-summary">
    <xsl:param name="place" select="place"/>
    <xsl:if test="$place/municipality">
      <xsl:value-of select="normalize-space($place/municipality)"/>
    </xsl:if>
    <xsl:if test="$place/@nationwide = 'true'">
      <xsl:if test="$place/municipality">, </xsl:if>
      <xsl:value-of select="kt:msg('place.nationwide')"/>
    </xsl:if>
    <xsl:if test="$place/@online = 'true'">
      <xsl:if test="$place/municipality or $place/@nationwide = 'true'">, </xsl:if>
      <xsl:value-of select="kt:msg('place.online')"/>
    </xsl:if>
  </xsl:template>

  <!-- One row of a description list, skipped when there is nothing to say.
       dt/dd pairs are wrapped in div, which HTML allows, for styling. -->
  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value)">
      <div>
        <dt><xsl:value-of select="$label"/></dt>
        <dd><xsl:copy-of select="$value"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================
       Activity summary card, used by every list of activities.
       $level is the heading level of the card title (the list's own heading
       is one higher), so heading levels never skip.
       =================================================================== -->

  <xsl:template name="activity-cards">
    <xsl:param name="activities"/>
    <xsl:param name="level" select="3"/>
    <xsl:param name="full" select="false()"/>
    <ul class="cards">
      <xsl:for-each select="$activities">
        <li>
          <xsl:call-template name="activity-card">
            <xsl:with-param name="level" select="$level"/>
            <xsl:with-param name="full" select="$full"/>
          </xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- $full (the search's cards): also the weekly times, and for print the
       address, contact and link (a counsellor's list on paper). -->
  <xsl:template name="activity-card">
    <xsl:param name="activity" select="."/>
    <xsl:param name="level" select="3"/>
    <xsl:param name="full" select="false()"/>
    <article class="card">
      <xsl:element name="h{$level}">
        <xsl:attribute name="class">card-title</xsl:attribute>
        <xsl:call-template name="text-inline">
          <xsl:with-param name="text" select="$activity/title"/>
          <xsl:with-param name="href" select="concat($home, 'activities/', $activity/@id)"/>
        </xsl:call-template>
      </xsl:element>
      <!-- The same rows as the "fact" template gives, written out: a card is
           drawn 20 times a page, and passing each value as a result tree
           fragment cost more than the rest of the card. -->
      <dl class="card-facts">
        <xsl:variable name="organisation" select="normalize-space($activity/organisation)"/>
        <xsl:if test="$organisation">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.organisation')"/></dt>
            <dd><xsl:value-of select="$organisation"/></dd>
          </div>
        </xsl:if>
        <xsl:variable name="place" select="$activity/place"/>
        <xsl:if test="normalize-space($place/municipality) or $place/@nationwide = 'true'
                      or $place/@online = 'true'">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.place')"/></dt>
            <dd>
              <xsl:call-template name="place-summary">
                <xsl:with-param name="place" select="$place"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$activity/languages/language[normalize-space(.)]">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.languages')"/></dt>
            <dd>
              <xsl:call-template name="names">
                <xsl:with-param name="items" select="$activity/languages/language"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$activity/forms/form[normalize-space(.)]">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.forms')"/></dt>
            <dd>
              <xsl:call-template name="names">
                <xsl:with-param name="items" select="$activity/forms/form"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$activity/price">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.price')"/></dt>
            <dd>
              <xsl:call-template name="price">
                <xsl:with-param name="price" select="$activity/price"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$full and $activity/schedule/slot">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.weekly')"/></dt>
            <dd>
              <xsl:for-each select="$activity/schedule/slot">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="concat(kt:msg(concat('weekdays.', @weekday)), ' ', @start,
                                             '–', @end)"/>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="normalize-space($activity/next/@at)">
          <div>
            <dt><xsl:value-of select="kt:msg('activity.next')"/></dt>
            <dd>
              <xsl:call-template name="date-time">
                <xsl:with-param name="at" select="$activity/next/@at"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$full and $activity/place/address">
          <div class="print-only">
            <dt><xsl:value-of select="kt:msg('activity.address')"/></dt>
            <dd>
              <xsl:value-of select="normalize-space(concat($activity/place/address/@street, ', ',
                                    $activity/place/address/@postal-code, ' ',
                                    $activity/place/address/@post-office))"/>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$full and $activity/contact">
          <div class="print-only">
            <dt><xsl:value-of select="kt:msg('activity.contact')"/></dt>
            <dd>
              <xsl:for-each select="$activity/contact/@name | $activity/contact/@email
                                    | $activity/contact/@phone">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="."/>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$full">
          <div class="print-only">
            <dt><xsl:value-of select="kt:msg('activity.page-url')"/></dt>
            <dd><xsl:value-of select="concat(/page/@base, $home, 'activities/', $activity/@id)"/></dd>
          </div>
        </xsl:if>
      </dl>
    </article>
  </xsl:template>

</xsl:stylesheet>
