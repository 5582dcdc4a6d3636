<?xml version="1.0" encoding="UTF-8"?>
<!--
  Events and trainings for professionals and volunteers (src/kt_events.c):
    events   the list, GET /{lang}/events: <events-search past page new-href
             switch-href> with <asked><filter param value remove-href/>…</asked>,
             <options for="type|audience|region|municipality"><option value group/>,
             <results total first last past-end><event/>…</results>, <pages>
    event    one event: <event id ended updated> with every public field
  Cards and times come from event-cards.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="event-cards.xsl"/>

  <xsl:template match="page[@type = 'events']" mode="title">
    <xsl:choose>
      <xsl:when test="events-search/@past = 'true'"><xsl:value-of select="kt:msg('events.past.heading')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="kt:msg('events.heading')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="page[@type = 'event']" mode="title">
    <xsl:value-of select="normalize-space(event/title)"/>
  </xsl:template>

  <xsl:template match="page[@type = 'events']" mode="main">
    <xsl:variable name="s" select="events-search"/>
    <h1>
      <xsl:choose>
        <xsl:when test="$s/@past = 'true'"><xsl:value-of select="kt:msg('events.past.heading')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="kt:msg('events.heading')"/></xsl:otherwise>
      </xsl:choose>
    </h1>
    <p class="lead"><xsl:value-of select="kt:msg('events.intro')"/></p>
    <p>
      <a href="{$s/@switch-href}">
        <xsl:choose>
          <xsl:when test="$s/@past = 'true'"><xsl:value-of select="kt:msg('events.switch.upcoming')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="kt:msg('events.switch.past')"/></xsl:otherwise>
        </xsl:choose>
      </a>
    </p>
    <xsl:call-template name="events-form"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="events-results"><xsl:with-param name="s" select="$s"/></xsl:call-template>
  </xsl:template>

  <!-- The filters as a GET form: the values asked are chosen again. -->
  <xsl:template name="events-form">
    <xsl:param name="s"/>
    <section class="search-panel" aria-labelledby="events-filters-heading">
      <h2 id="events-filters-heading"><xsl:value-of select="kt:msg('events.filters')"/></h2>
      <form action="{$home}events" method="get" role="search" aria-labelledby="events-filters-heading">
        <xsl:if test="$s/@past = 'true'">
          <input type="hidden" name="past" value="1"/>
        </xsl:if>
        <div class="field">
          <label for="events-q"><xsl:value-of select="kt:msg('events.q.label')"/></label>
          <input type="search" id="events-q" name="q" value="{$s/asked/filter[@param = 'q']/@value}"/>
        </div>
        <xsl:call-template name="checkboxes">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'type'"/>
        </xsl:call-template>
        <xsl:call-template name="checkboxes">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'audience'"/>
        </xsl:call-template>
        <div class="field">
          <label for="events-region"><xsl:value-of select="kt:msg('events.region.label')"/></label>
          <select id="events-region" name="region">
            <option value=""><xsl:value-of select="kt:msg('events.all')"/></option>
            <xsl:for-each select="$s/options[@for = 'region']/option">
              <option value="{@value}">
                <xsl:if test="$s/asked/filter[@param = 'region'][@value = current()/@value]">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <label for="events-municipality"><xsl:value-of select="kt:msg('events.municipality.label')"/></label>
          <select id="events-municipality" name="municipality">
            <option value=""><xsl:value-of select="kt:msg('events.all')"/></option>
            <xsl:for-each select="$s/options[@for = 'municipality']/option">
              <option value="{@value}">
                <xsl:if test="$s/asked/filter[@param = 'municipality'][@value = current()/@value]">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('events.dates.legend')"/></legend>
          <p class="hint" id="events-dates-hint"><xsl:value-of select="kt:msg('events.dates.hint')"/></p>
          <div class="row-controls">
            <div>
              <label for="events-from"><xsl:value-of select="kt:msg('events.from.label')"/></label>
              <input type="text" id="events-from" name="from" class="input-medium" inputmode="numeric" autocomplete="off" aria-describedby="events-dates-hint"
                     value="{$s/asked/filter[@param = 'from']/@value}"/>
            </div>
            <div>
              <label for="events-to"><xsl:value-of select="kt:msg('events.to.label')"/></label>
              <input type="text" id="events-to" name="to" class="input-medium" inputmode="numeric" autocomplete="off" aria-describedby="events-dates-hint"
                     value="{$s/asked/filter[@param = 'to']/@value}"/>
            </div>
          </div>
        </fieldset>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('search.more.legend')"/></legend>
          <ul class="checkbox-list">
            <li>
              <input type="checkbox" id="events-online" name="online" value="1">
                <xsl:if test="$s/asked/filter[@param = 'online']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="events-online"><xsl:value-of select="kt:msg('events.online.label')"/></label>
            </li>
            <li>
              <input type="checkbox" id="events-free" name="free" value="1">
                <xsl:if test="$s/asked/filter[@param = 'free']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="events-free"><xsl:value-of select="kt:msg('events.free.label')"/></label>
            </li>
          </ul>
        </fieldset>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('events.submit')"/></button>
        </p>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="checkboxes">
    <xsl:param name="s"/>
    <xsl:param name="param"/>
    <fieldset class="choices">
      <legend><xsl:value-of select="kt:msg(concat('events.', $param, '.legend'))"/></legend>
      <ul class="checkbox-list">
        <xsl:for-each select="$s/options[@for = $param]/option">
          <li>
            <input type="checkbox" id="events-{$param}-{@value}" name="{$param}" value="{@value}">
              <xsl:if test="$s/asked/filter[@param = $param][@value = current()/@value]">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <label for="events-{$param}-{@value}"><xsl:value-of select="normalize-space(.)"/></label>
          </li>
        </xsl:for-each>
      </ul>
    </fieldset>
  </xsl:template>

  <!-- A chosen value's name for the list of choices: a vocabulary's name, a
       date as the page writes dates, the words of a flag. -->
  <xsl:template name="asked-label">
    <xsl:param name="s"/>
    <xsl:variable name="param" select="@param"/>
    <xsl:variable name="value" select="@value"/>
    <xsl:choose>
      <xsl:when test="$s/options[@for = $param]/option[@value = $value]">
        <xsl:value-of select="normalize-space($s/options[@for = $param]/option[@value = $value])"/>
      </xsl:when>
      <xsl:when test="$param = 'from' or $param = 'to'">
        <xsl:value-of select="concat(kt:msg(concat('events.', $param, '.label')), ' ')"/>
        <xsl:call-template name="date-text"><xsl:with-param name="date" select="$value"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$param = 'online' or $param = 'free'">
        <xsl:value-of select="kt:msg(concat('events.', $param, '.label'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="events-results">
    <xsl:param name="s"/>
    <xsl:variable name="r" select="$s/results"/>
    <section aria-labelledby="events-results-heading">
      <h2 id="events-results-heading">
        <xsl:value-of select="kt:msg('events.results')"/>
        <xsl:value-of select="concat(' (', $r/@total, ')')"/>
      </h2>
      <xsl:if test="$s/asked/filter">
        <div class="active-filters">
          <p><xsl:value-of select="kt:msg('events.chosen')"/></p>
          <ul class="chips">
            <xsl:for-each select="$s/asked/filter">
              <li>
                <a href="{@remove-href}">
                  <xsl:call-template name="asked-label"><xsl:with-param name="s" select="$s"/></xsl:call-template>
                  <span class="visually-hidden"><xsl:value-of select="concat(' – ', kt:msg('events.remove'))"/></span>
                  <span aria-hidden="true"> ×</span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{$s/@new-href}"><xsl:value-of select="kt:msg('events.clear')"/></a></p>
        </div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$r/event">
          <p class="meta">
            <xsl:value-of select="concat($r/@first, '–', $r/@last, ' / ', $r/@total)"/>
          </p>
          <xsl:call-template name="event-cards">
            <xsl:with-param name="events" select="$r/event"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$r/@past-end = 'true'">
          <p class="empty"><xsl:value-of select="kt:msg('events.past-end')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('events.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="number($s/pages/@last) &gt; 1 or number($s/pages/@current) &gt; number($s/pages/@last)">
        <nav class="pagination" aria-label="{kt:msg('events.pages')}">
          <ul>
            <xsl:for-each select="$s/pages/*">
              <li>
                <xsl:choose>
                  <xsl:when test="self::gap">…</xsl:when>
                  <xsl:when test="self::prev"><a href="{@href}" rel="prev"><xsl:value-of select="kt:msg('events.prev')"/></a></xsl:when>
                  <xsl:when test="self::next"><a href="{@href}" rel="next"><xsl:value-of select="kt:msg('events.next')"/></a></xsl:when>
                  <xsl:when test="@current = 'true'"><a href="{@href}" aria-current="page"><xsl:value-of select="@n"/></a></xsl:when>
                  <xsl:otherwise><a href="{@href}"><xsl:value-of select="@n"/></a></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ==== one event ==================================================== -->

  <xsl:template match="page[@type = 'event']" mode="main">
    <xsl:apply-templates select="event"/>
  </xsl:template>

  <xsl:template match="event">
    <article class="activity event">
      <header class="activity-header">
        <h1>
          <xsl:call-template name="text-inline"><xsl:with-param name="text" select="title"/></xsl:call-template>
        </h1>
        <p class="lead">
          <xsl:value-of select="kt:msg('event.organised-by')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}organisations/{organisation/@id}"><xsl:value-of select="normalize-space(organisation)"/></a>
        </p>
        <xsl:if test="@ended = 'true'">
          <p class="callout"><strong><xsl:value-of select="kt:msg('event.ended.text')"/></strong></p>
        </xsl:if>
      </header>

      <section aria-labelledby="when-heading">
        <h2 id="when-heading"><xsl:value-of select="kt:msg('event.when')"/></h2>
        <p>
          <xsl:call-template name="event-when"><xsl:with-param name="time" select="time"/></xsl:call-template>
        </p>
        <p><a href="{$home}events/{@id}.ics"><xsl:value-of select="kt:msg('event.calendar')"/></a></p>
      </section>

      <xsl:if test="normalize-space(description)">
        <section aria-labelledby="description-heading">
          <h2 id="description-heading"><xsl:value-of select="kt:msg('event.description')"/></h2>
          <xsl:call-template name="text-block"><xsl:with-param name="text" select="description"/></xsl:call-template>
        </section>
      </xsl:if>

      <section aria-labelledby="basics-heading">
        <h2 id="basics-heading"><xsl:value-of select="kt:msg('event.basics')"/></h2>
        <dl class="facts">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('event.type')"/>
            <xsl:with-param name="value" select="normalize-space(type)"/>
          </xsl:call-template>
          <xsl:if test="audiences/audience">
            <div>
              <dt><xsl:value-of select="kt:msg('event.audiences')"/></dt>
              <dd><xsl:call-template name="term-list"><xsl:with-param name="items" select="audiences/audience"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="languages/language">
            <div>
              <dt><xsl:value-of select="kt:msg('event.languages')"/></dt>
              <dd><xsl:call-template name="term-list"><xsl:with-param name="items" select="languages/language"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <div>
            <dt><xsl:value-of select="kt:msg('event.price')"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="price/@free = 'true'"><xsl:value-of select="kt:msg('price.free')"/></xsl:when>
                <xsl:otherwise><xsl:call-template name="euros"><xsl:with-param name="amount" select="price/@amount"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="place-heading">
        <h2 id="place-heading"><xsl:value-of select="kt:msg('event.where')"/></h2>
        <dl class="facts">
          <xsl:if test="place/municipality">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('event.municipality')"/>
              <xsl:with-param name="value">
                <xsl:value-of select="normalize-space(place/municipality)"/>
                <xsl:if test="place/municipality/@region">
                  <xsl:value-of select="concat(' (', place/municipality/@region, ')')"/>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="place/address">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('event.address')"/>
              <xsl:with-param name="value">
                <xsl:value-of select="place/address/@street"/>
                <xsl:if test="normalize-space(concat(place/address/@postal-code, place/address/@post-office))">
                  <xsl:if test="normalize-space(place/address/@street)">, </xsl:if>
                  <xsl:value-of select="normalize-space(concat(place/address/@postal-code, ' ', place/address/@post-office))"/>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="place/@online = 'true'">
            <div>
              <dt><xsl:value-of select="kt:msg('place.online')"/></dt>
              <dd>
                <xsl:choose>
                  <xsl:when test="place/online-link">
                    <xsl:call-template name="web-link">
                      <xsl:with-param name="url" select="place/online-link/@href"/>
                      <xsl:with-param name="text" select="kt:msg('event.online.link')"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="kt:msg('event.online.later')"/></xsl:otherwise>
                </xsl:choose>
              </dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading"><xsl:value-of select="kt:msg('event.registration')"/></h2>
        <dl class="facts">
          <xsl:if test="registration/@href">
            <div>
              <dt><xsl:value-of select="kt:msg('event.registration.link')"/></dt>
              <dd><xsl:call-template name="web-link"><xsl:with-param name="url" select="registration/@href"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="registration/@deadline">
            <div>
              <dt><xsl:value-of select="kt:msg('event.registration.deadline')"/></dt>
              <dd><xsl:call-template name="date"><xsl:with-param name="date" select="registration/@deadline"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('event.contact')"/>
            <xsl:with-param name="value" select="normalize-space(contact/@name)"/>
          </xsl:call-template>
          <xsl:if test="normalize-space(contact/@email)">
            <div>
              <dt><xsl:value-of select="kt:msg('contact.email')"/></dt>
              <dd><a href="mailto:{normalize-space(contact/@email)}"><xsl:value-of select="contact/@email"/></a></dd>
            </div>
          </xsl:if>
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('contact.phone')"/>
            <xsl:with-param name="value" select="normalize-space(contact/@phone)"/>
          </xsl:call-template>
          <xsl:if test="link/@href">
            <div>
              <dt><xsl:value-of select="kt:msg('event.link')"/></dt>
              <dd><xsl:call-template name="web-link"><xsl:with-param name="url" select="link/@href"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="project">
            <div>
              <dt><xsl:value-of select="kt:msg('event.project')"/></dt>
              <dd>
                <xsl:call-template name="text-inline">
                  <xsl:with-param name="text" select="project"/>
                  <xsl:with-param name="href" select="concat($home, 'projects/', project/@id)"/>
                </xsl:call-template>
              </dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <footer class="activity-footer">
        <p class="more"><a href="{$home}events"><xsl:value-of select="kt:msg('event.more')"/></a></p>
      </footer>
    </article>
  </xsl:template>

</xsl:stylesheet>
