<?xml version="1.0" encoding="UTF-8"?>
<!--
  Search page (/page/@type = 'search'): the search form with its filters and
  their counts, and one page of results.  Content: <search> (HACKING.md,
  "Page XML").  Everything is a GET form and plain links: it works with
  JavaScript off, and every state of the page has a URL that can be shared.

  Order on the page: the search box, the filters (folded behind "Filters (n)"
  on small screens), then the results (beside the filters on wide screens).
  The results heading says how many were found.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <!-- The municipality select lists each region's municipalities under it: a key
       finds them without comparing every municipality with every region. -->
  <xsl:key name="municipalities-of" match="facet[@param = 'municipality']/item" use="@group"/>

  <xsl:variable name="search" select="/page/search"/>
  <xsl:variable name="results" select="$search/results"/>
  <xsl:variable name="total" select="number($results/@total)"/>
  <!-- counts grouped as the "number" template groups them: fi/sv 1 234, en 1,234 -->
  <xsl:decimal-format name="point"/>
  <xsl:variable name="count-pattern" select="substring('#&#160;##0#,##0', 1 + 5 * ($lang = 'en'), 5)"/>
  <xsl:variable name="count-format" select="substring('commapoint', 1 + 5 * ($lang = 'en'), 5)"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="kt:msg('search.page.heading')"/>
    <xsl:if test="normalize-space($search/@q)">
      <xsl:value-of select="concat(': ', normalize-space($search/@q))"/>
    </xsl:if>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="results-count"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:value-of select="kt:msg('search.page.heading')"/></h1>
    <div class="search-page">
      <xsl:call-template name="search-form"/>
      <xsl:call-template name="results"/>
    </div>
  </xsl:template>

  <!-- ===================================================================
       Numbers and texts with a number in them
       =================================================================== -->

  <!-- 1234 as fi/sv "1 234", en "1,234".  A page has some 400 numbers (a count
       beside every choice), most of them below 1000: those need no grouping, and
       format-number is the slow part of the page. -->
  <xsl:template name="number">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 1000"><xsl:value-of select="$n"/></xsl:when>
      <xsl:when test="$lang = 'en'"><xsl:value-of select="format-number($n, '#,##0')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($n, '#&#160;##0', 'comma')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A message with {name} replaced by value (once). -->
  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="mark" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $mark)">
        <xsl:value-of select="concat(substring-before($text, $mark), $value,
                                     substring-after($text, $mark))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "No activities found" / "1 activity found" / "57 activities found". -->
  <xsl:template name="results-count">
    <xsl:choose>
      <xsl:when test="$total = 0"><xsl:value-of select="kt:msg('search.results.none')"/></xsl:when>
      <xsl:when test="$total = 1"><xsl:value-of select="kt:msg('search.results.one')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('search.results.many')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="number"><xsl:with-param name="n" select="$total"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================
       The form: search words and filters with counts
       =================================================================== -->

  <xsl:template name="search-form">
    <form class="search-filters" action="{$search/@new-href}" method="get" role="search"
          aria-label="{kt:msg('search.page.heading')}">
      <div class="field">
        <label for="search-q"><xsl:value-of select="kt:msg('search.q.label')"/></label>
        <p class="hint" id="search-q-hint"><xsl:value-of select="kt:msg('search.q.hint')"/></p>
        <div class="search-row">
          <input type="search" id="search-q" name="q" value="{$search/@q}"
                 aria-describedby="search-q-hint"/>
          <button type="submit"><xsl:value-of select="kt:msg('search.submit')"/></button>
        </div>
      </div>
      <!-- an explicit sort survives a change of filters -->
      <xsl:if test="$search/@sort-param">
        <input type="hidden" name="sort" value="{$search/@sort-param}"/>
      </xsl:if>
      <!-- The filters fold behind one control (no JavaScript needed): on a phone the
           results come right after the search box; on a wide screen the CSS shows
           them beside the results without it (HACKING.md, "The filters on small and
           wide screens"). -->
      <details class="filters">
        <summary>
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kt:msg('search.filters.toggle')"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="count($search/active/filter[@param != 'q'])"/>
          </xsl:call-template>
        </summary>
      <h2 id="filters-heading"><xsl:value-of select="kt:msg('search.filters.heading')"/></h2>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'form']"/>
        <xsl:with-param name="legend" select="kt:msg('search.form.legend')"/>
      </xsl:call-template>
      <xsl:call-template name="place-facet"/>
      <xsl:call-template name="when-facet"/>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'language']"/>
        <xsl:with-param name="legend" select="kt:msg('search.language.legend')"/>
      </xsl:call-template>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'target']"/>
        <xsl:with-param name="legend" select="kt:msg('search.target.legend')"/>
      </xsl:call-template>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'theme']"/>
        <xsl:with-param name="legend" select="kt:msg('search.theme.legend')"/>
      </xsl:call-template>
      <xsl:call-template name="more-facet"/>
      <p class="actions">
        <button type="submit"><xsl:value-of select="kt:msg('search.apply')"/></button>
      </p>
      </details>
    </form>
  </xsl:template>

  <!-- " (12)" after a choice: how many results choosing it alone would give.
       Some 80 of these and 330 options on a page: one XPath each, since every
       evaluation, template call and parameter costs libxslt thousands of
       instructions (HACKING.md, "What a page costs").  format-number with the
       page's grouping gives the digits themselves below 1000. -->
  <xsl:template name="count">
    <xsl:text> </xsl:text>
    <span class="count">
      <xsl:choose>
        <xsl:when test="@count &lt; 1000"><xsl:value-of select="concat('(', @count, ')')"/></xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('(', format-number(@count, $count-pattern, $count-format), ')')"/>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template name="checkbox-facet">
    <xsl:param name="facet"/>
    <xsl:param name="legend"/>
    <xsl:if test="$facet/item">
      <xsl:variable name="param" select="string($facet/@param)"/>
      <xsl:variable name="prefix" select="concat('f-', $param, '-')"/>
      <fieldset class="facet">
        <legend><xsl:value-of select="$legend"/></legend>
        <ul class="checkbox-list">
          <xsl:for-each select="$facet/item">
            <xsl:variable name="id" select="concat($prefix, @value)"/>
            <li>
              <input type="checkbox" id="{$id}" name="{$param}" value="{@value}">
                <xsl:if test="@selected = 'true'">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <label for="{$id}">
                <xsl:choose>
                  <xsl:when test="normalize-space(.)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="kt:msg(concat('search.', $param, '.', @value))"/>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:call-template name="count"/>
              </label>
            </li>
          </xsl:for-each>
        </ul>
      </fieldset>
    </xsl:if>
  </xsl:template>

  <!-- Region, and municipality grouped by region: two selects.  A URL may
       choose several of either; the select then allows several. -->
  <xsl:template name="place-facet">
    <xsl:variable name="regions" select="$search/facets/facet[@param = 'region']/item"/>
    <xsl:variable name="munis" select="$search/facets/facet[@param = 'municipality']/item"/>
    <fieldset class="facet place">
      <legend><xsl:value-of select="kt:msg('search.place.legend')"/></legend>
      <p class="hint" id="place-hint">
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('search.place.hint')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="number($search/facets/facet[@param = 'municipality']/@anywhere)"/>
        </xsl:call-template>
      </p>
      <div class="field">
        <label for="search-region"><xsl:value-of select="kt:msg('search.region.legend')"/></label>
        <select id="search-region" name="region" aria-describedby="place-hint">
          <xsl:if test="count($regions[@selected = 'true']) &gt; 1">
            <xsl:attribute name="multiple">multiple</xsl:attribute>
          </xsl:if>
          <option value=""><xsl:value-of select="kt:msg('search.region.all')"/></option>
          <xsl:for-each select="$regions">
            <xsl:call-template name="option"/>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="search-municipality"><xsl:value-of select="kt:msg('search.municipality.legend')"/></label>
        <select id="search-municipality" name="municipality" aria-describedby="place-hint">
          <xsl:if test="count($munis[@selected = 'true']) &gt; 1">
            <xsl:attribute name="multiple">multiple</xsl:attribute>
          </xsl:if>
          <option value=""><xsl:value-of select="kt:msg('search.municipality.all')"/></option>
          <xsl:for-each select="$regions">
            <xsl:variable name="region" select="@value"/>
            <optgroup label="{normalize-space(.)}">
              <xsl:for-each select="key('municipalities-of', $region)">
                <xsl:call-template name="option"/>
              </xsl:for-each>
            </optgroup>
          </xsl:for-each>
        </select>
      </div>
    </fieldset>
  </xsl:template>

  <!-- Some 330 of these on every page: kept to one XPath for the common case. -->
  <xsl:template name="option">
    <option value="{@value}">
      <xsl:if test="@selected = 'true'">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@count &lt; 1000">
          <xsl:value-of select="concat(normalize-space(.), ' (', @count, ')')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat(normalize-space(.), ' (',
                                       format-number(@count, $count-pattern, $count-format), ')')"/>
        </xsl:otherwise>
      </xsl:choose>
    </option>
  </xsl:template>

  <!-- Weekdays and times of day: when the activity meets (weekly or dated). -->
  <xsl:template name="when-facet">
    <fieldset class="facet when" aria-describedby="when-hint">
      <legend><xsl:value-of select="kt:msg('search.when.legend')"/></legend>
      <p class="hint" id="when-hint"><xsl:value-of select="kt:msg('search.when.hint')"/></p>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'weekday']"/>
        <xsl:with-param name="legend" select="kt:msg('search.weekday.legend')"/>
      </xsl:call-template>
      <xsl:call-template name="checkbox-facet">
        <xsl:with-param name="facet" select="$search/facets/facet[@param = 'time']"/>
        <xsl:with-param name="legend" select="kt:msg('search.time.legend')"/>
      </xsl:call-template>
    </fieldset>
  </xsl:template>

  <xsl:template name="more-facet">
    <fieldset class="facet">
      <legend><xsl:value-of select="kt:msg('search.other.legend')"/></legend>
      <ul class="checkbox-list">
        <xsl:for-each select="$search/facets/facet[@markup = 'flag']/item">
          <xsl:variable name="param" select="../@param"/>
          <li>
            <input type="checkbox" id="f-{$param}" name="{$param}" value="1">
              <xsl:if test="@selected = 'true'">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <label for="f-{$param}">
              <xsl:value-of select="kt:msg(concat('search.', $param, '.label'))"/>
              <xsl:call-template name="count"/>
            </label>
          </li>
        </xsl:for-each>
      </ul>
    </fieldset>
  </xsl:template>

  <!-- ===================================================================
       Results
       =================================================================== -->

  <xsl:template name="results">
    <section class="search-results" id="results" tabindex="-1" aria-labelledby="results-heading">
      <h2 id="results-heading"><xsl:call-template name="results-count"/></h2>
      <xsl:if test="$results/@first">
        <p class="meta">
          <xsl:call-template name="fill">
            <xsl:with-param name="text">
              <xsl:call-template name="fill">
                <xsl:with-param name="text">
                  <xsl:call-template name="fill">
                    <xsl:with-param name="text" select="kt:msg('search.results.range')"/>
                    <xsl:with-param name="name" select="'first'"/>
                    <xsl:with-param name="value">
                      <xsl:call-template name="number"><xsl:with-param name="n" select="$results/@first"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="name" select="'last'"/>
                <xsl:with-param name="value">
                  <xsl:call-template name="number"><xsl:with-param name="n" select="$results/@last"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="number"><xsl:with-param name="n" select="$total"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="search-notices"/>
      <xsl:call-template name="active-filters"/>
      <p class="print-only print-url">
        <xsl:value-of select="concat(kt:msg('search.print.url'), ' ', /page/@base, $search/@href)"/>
      </p>
      <xsl:choose>
        <xsl:when test="$results/activity">
          <xsl:call-template name="sort-links"/>
          <xsl:call-template name="activity-cards">
            <xsl:with-param name="activities" select="$results/activity"/>
            <xsl:with-param name="level" select="3"/>
            <xsl:with-param name="full" select="true()"/>
          </xsl:call-template>
          <xsl:if test="$search/pages/@last = 1000 and $total &gt; 20000">
            <p class="note"><xsl:value-of select="kt:msg('search.results.capped')"/></p>
          </xsl:if>
          <xsl:call-template name="pagination"/>
        </xsl:when>
        <xsl:when test="$results/@past-end = 'true'">
          <xsl:call-template name="past-end"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="no-results"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- What a choice is called in a sentence: "Type of activity: Homework clubs". -->
  <xsl:template name="filter-label">
    <xsl:param name="filter" select="."/>
    <xsl:choose>
      <xsl:when test="$filter/@param = 'q'">
        <xsl:value-of select="concat(kt:msg('search.q.label'), ': ', normalize-space($filter))"/>
      </xsl:when>
      <xsl:when test="$filter/@param = 'free' or $filter/@param = 'online'
                      or $filter/@param = 'in_person'">
        <xsl:value-of select="kt:msg(concat('search.', $filter/@param, '.label'))"/>
      </xsl:when>
      <xsl:when test="$filter/@param = 'weekday' or $filter/@param = 'time'">
        <xsl:value-of select="concat(kt:msg(concat('search.', $filter/@param, '.legend')), ': ',
                                     kt:msg(concat('search.', $filter/@param, '.', $filter/@value)))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(kt:msg(concat('search.', $filter/@param, '.legend')), ': ',
                                     normalize-space($filter))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What the search made of the words: a near-miss it read instead ("did you
       mean"), words that name a filter value (one click makes it the filter), and
       a municipality outside the chosen region. -->
  <xsl:template name="search-notices">
    <xsl:if test="$search/suggestion">
      <p class="suggestion">
        <xsl:value-of select="kt:msg('search.suggestion')"/>
        <xsl:text> </xsl:text>
        <a href="{$search/suggestion/@href}"><xsl:value-of select="$search/suggestion"/></a>
      </p>
    </xsl:if>
    <xsl:if test="$search/named/value">
      <div class="named">
        <p id="named-heading"><xsl:value-of select="kt:msg('search.named.heading')"/></p>
        <ul aria-labelledby="named-heading">
          <xsl:for-each select="$search/named/value">
            <li>
              <a href="{@href}">
                <xsl:value-of select="concat(kt:msg(concat('search.', @param, '.legend')), ': ',
                                             normalize-space(.))"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:for-each select="$search/conflict">
      <xsl:variable name="muni" select="@municipality"/>
      <xsl:variable name="region" select="@region"/>
      <div class="conflict">
        <p>
          <xsl:call-template name="fill">
            <xsl:with-param name="text">
              <xsl:call-template name="fill">
                <xsl:with-param name="text" select="kt:msg('search.conflict.text')"/>
                <xsl:with-param name="name" select="'municipality'"/>
                <xsl:with-param name="value" select="normalize-space(.)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'region'"/>
            <xsl:with-param name="value" select="@region-name"/>
          </xsl:call-template>
        </p>
        <ul>
          <xsl:for-each select="$search/active/filter[(@param = 'municipality' and @value = $muni)
                                or @param = 'region']">
            <li><xsl:call-template name="remove-link"/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="remove-link">
    <a class="remove" href="{@remove-href}">
      <span class="visually-hidden"><xsl:value-of select="kt:msg('search.active.remove')"/></span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="filter-label"/>
      <span class="remove-mark" aria-hidden="true"> ×</span>
    </a>
  </xsl:template>

  <xsl:template name="active-filters">
    <xsl:if test="$search/active/filter and $results/activity">
      <div class="active-filters">
        <p id="active-heading"><xsl:value-of select="kt:msg('search.active.heading')"/></p>
        <ul aria-labelledby="active-heading">
          <xsl:for-each select="$search/active/filter">
            <li><xsl:call-template name="remove-link"/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="sort-links">
    <xsl:if test="$total &gt; 1">
      <div class="sort-links">
        <p id="sort-heading"><xsl:value-of select="kt:msg('search.sort.label')"/></p>
        <ul aria-labelledby="sort-heading">
          <xsl:for-each select="$search/sorts/sort">
            <li>
              <a href="{@href}">
                <xsl:if test="@current = 'true'">
                  <xsl:attribute name="aria-current">true</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="kt:msg(concat('search.sort.', @value))"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Nothing found: say so, and offer every way back to results. -->
  <xsl:template name="no-results">
    <div class="no-results">
      <p><xsl:value-of select="kt:msg('search.empty.text')"/></p>
      <xsl:if test="$search/active/filter">
        <p id="relax-heading"><xsl:value-of select="kt:msg('search.empty.relax')"/></p>
        <ul class="next-steps" aria-labelledby="relax-heading">
          <xsl:for-each select="$search/active/filter">
            <li><xsl:call-template name="remove-link"/></li>
          </xsl:for-each>
          <xsl:if test="count($search/active/filter) &gt; 1">
            <li>
              <a href="{$search/@new-href}"><xsl:value-of select="kt:msg('search.empty.new')"/></a>
            </li>
          </xsl:if>
        </ul>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- A page number beyond the results (an old link, say). -->
  <xsl:template name="past-end">
    <xsl:variable name="pages" select="$search/pages"/>
    <div class="no-results">
      <p>
        <xsl:call-template name="fill">
          <xsl:with-param name="text">
            <xsl:call-template name="fill">
              <xsl:with-param name="text" select="kt:msg('search.past-end.text')"/>
              <xsl:with-param name="name" select="'page'"/>
              <xsl:with-param name="value" select="$pages/@current"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'pages'"/>
          <xsl:with-param name="value" select="$pages/@last"/>
        </xsl:call-template>
      </p>
      <ul class="next-steps">
        <li><a href="{$pages/page-link[@n = $pages/@last]/@href}">
          <xsl:value-of select="kt:msg('search.past-end.last')"/></a></li>
        <li><a href="{$pages/page-link[@n = 1]/@href}">
          <xsl:value-of select="kt:msg('search.past-end.first')"/></a></li>
      </ul>
    </div>
  </xsl:template>

  <xsl:template name="pagination">
    <xsl:variable name="pages" select="$search/pages"/>
    <xsl:if test="$pages/@last &gt; 1">
      <nav class="pagination" aria-label="{kt:msg('search.pages.label')}">
        <ul>
          <xsl:if test="$pages/prev">
            <li><a href="{$pages/prev/@href}" rel="prev"><xsl:value-of select="kt:msg('search.pages.prev')"/></a></li>
          </xsl:if>
          <xsl:for-each select="$pages/page-link | $pages/gap">
            <li>
              <xsl:choose>
                <xsl:when test="self::gap"><span class="gap">…</span></xsl:when>
                <xsl:otherwise>
                  <a href="{@href}">
                    <xsl:if test="@current = 'true'">
                      <xsl:attribute name="aria-current">page</xsl:attribute>
                    </xsl:if>
                    <span class="visually-hidden"><xsl:value-of select="kt:msg('search.pages.page')"/></span>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="number"><xsl:with-param name="n" select="@n"/></xsl:call-template>
                  </a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
          <xsl:if test="$pages/next">
            <li><a href="{$pages/next/@href}" rel="next"><xsl:value-of select="kt:msg('search.pages.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
