<?xml version="1.0" encoding="UTF-8"?>
<!--
  News as moderators write it (the engine's pages for the kind "news", owned
  by no organisation and published by its writers; src/kt_editor.c,
  src/kt_desk.c):
    listing-desk     /{lang}/moderation/news: <listing-kind>, <listings kind
                     segment page more><listing id state public pending-edit
                     published-at saved archived-at archive-reason><title lang/>
                     </listing>…</listings>
    listing-new      /{lang}/moderation/news/new: <form-state name="listing">,
                     <options for="related"><option value group/>…
    listing-edit     /{lang}/moderation/news/{id}: <listing-meta> (with
                     published-at, publishable, schedulable, withdrawable), the
                     form while it can be written, else <listing role="current">;
                     after a stale save <conflict>
    listing-archive  <listing-meta>: asks once more before withdrawing
  <listing> carries the fields of kt_news_item_xml (src/lib/kt_news_item.c).
  The listing tables, the conflict and the rest come from listing.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="moderation.xsl"/>

  <!-- The rows of an item's table, in display order (kt_news_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="summary_fi"/><row name="summary_sv"/><row name="summary_en"/>
    <row name="body_fi"/><row name="body_sv"/><row name="body_en"/>
    <row name="related"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

  <xsl:variable name="desk" select="concat($home, 'moderation/news')"/>

  <xsl:template match="page[@type = 'listing-desk']" mode="title">
    <xsl:value-of select="kt:msg('kind.news.plural')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'listing-archive']" mode="title">
    <xsl:value-of select="kt:msg('news.withdraw.heading')"/>
  </xsl:template>

  <!-- A state's name: an item off the service was withdrawn. -->
  <xsl:template name="news-state">
    <xsl:param name="state"/>
    <xsl:choose>
      <xsl:when test="$state = 'archived'"><xsl:value-of select="kt:msg('news.state.withdrawn')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="kt:msg(concat('listing.state.', $state))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'YYYY-MM-DDTHH:MM' as a date and a time, or nothing. -->
  <xsl:template name="news-time">
    <xsl:param name="at"/>
    <xsl:if test="string($at)">
      <xsl:call-template name="datetime"><xsl:with-param name="at" select="$at"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ==== the list of every item ================================================ -->

  <xsl:template match="page[@type = 'listing-desk']" mode="main">
    <xsl:variable name="list" select="listings"/>
    <p class="breadcrumb"><a href="{$home}moderation"><xsl:value-of select="kt:msg('moderation.heading')"/></a></p>
    <h1><xsl:value-of select="kt:msg('kind.news.plural')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('kind.news.intro')"/></p>
    <p><a class="button" href="{$desk}/new"><xsl:value-of select="kt:msg('kind.news.new')"/></a></p>
    <xsl:choose>
      <xsl:when test="$list/listing">
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden"><xsl:value-of select="kt:msg('kind.news.plural')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="kt:msg('news.desk.title')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('listing.state')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('news.desk.public-from')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('news.desk.saved')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$list/listing">
                <tr>
                  <th scope="row">
                    <xsl:choose>
                      <xsl:when test="title">
                        <xsl:call-template name="text-inline">
                          <xsl:with-param name="text" select="title"/>
                          <xsl:with-param name="href" select="concat($desk, '/', @id)"/>
                        </xsl:call-template>
                      </xsl:when>
                      <xsl:otherwise>
                        <a href="{$desk}/{@id}"><xsl:value-of select="kt:msg('listing.untitled')"/></a>
                      </xsl:otherwise>
                    </xsl:choose>
                  </th>
                  <td>
                    <xsl:call-template name="news-state"><xsl:with-param name="state" select="@state"/></xsl:call-template>
                    <xsl:if test="@pending-edit = 'true'">
                      <br/><span class="meta"><xsl:value-of select="kt:msg('news.desk.pending')"/></span>
                    </xsl:if>
                    <xsl:if test="@public = 'true'">
                      <br/><a href="{$home}news/{@id}"><xsl:value-of select="kt:msg('listing.public.yes')"/></a>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:call-template name="news-time"><xsl:with-param name="at" select="@published-at"/></xsl:call-template>
                    <xsl:if test="@archived-at">
                      <xsl:if test="@published-at"><br/></xsl:if>
                      <span class="meta">
                        <xsl:value-of select="concat(kt:msg('news.desk.withdrawn'), ' ')"/>
                        <xsl:call-template name="news-time"><xsl:with-param name="at" select="@archived-at"/></xsl:call-template>
                      </span>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:call-template name="news-time"><xsl:with-param name="at" select="@saved"/></xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="kt:msg('kind.news.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="number($list/@page) &gt; 1 or $list/@more = 'true'">
      <nav class="pager" aria-label="{kt:msg('news.pages')}">
        <ul>
          <xsl:if test="number($list/@page) &gt; 1">
            <li><a href="{$desk}?page={number($list/@page) - 1}"><xsl:value-of select="kt:msg('news.newer')"/></a></li>
          </xsl:if>
          <xsl:if test="$list/@more = 'true'">
            <li><a href="{$desk}?page={number($list/@page) + 1}"><xsl:value-of select="kt:msg('news.older')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ==== a new item =============================================================== -->

  <xsl:template match="page[@type = 'listing-new']" mode="main">
    <p class="breadcrumb"><a href="{$desk}"><xsl:value-of select="kt:msg('kind.news.plural')"/></a></p>
    <h1><xsl:value-of select="kt:msg('kind.news.new')"/></h1>
    <xsl:call-template name="listing-form">
      <xsl:with-param name="fs" select="form-state[@name = 'listing']"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ==== an existing item ========================================================== -->

  <xsl:template match="page[@type = 'listing-edit']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'listing']"/>
    <xsl:variable name="m" select="listing-meta"/>
    <p class="breadcrumb"><a href="{$desk}"><xsl:value-of select="kt:msg('kind.news.plural')"/></a></p>
    <h1><xsl:call-template name="listing-title"/></h1>
    <xsl:call-template name="notice"/>
    <xsl:apply-templates select="conflict"/>
    <xsl:call-template name="news-status"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$fs">
        <xsl:call-template name="listing-form"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:if test="$m/@withdrawable = 'true'">
          <section aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading"><xsl:value-of select="kt:msg('news.withdraw.heading')"/></h2>
            <p><xsl:value-of select="kt:msg('news.withdraw.intro')"/></p>
            <form method="post" action="{$fs/@action}">
              <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
              <xsl:call-template name="form-submit">
                <xsl:with-param name="text" select="kt:msg('news.withdraw.button')"/>
                <xsl:with-param name="name" select="'action'"/>
                <xsl:with-param name="value" select="'withdraw'"/>
                <xsl:with-param name="class" select="'button button-secondary'"/>
              </xsl:call-template>
            </form>
          </section>
        </xsl:if>
      </xsl:when>
      <xsl:when test="listing[@role = 'current']">
        <section aria-labelledby="content-heading">
          <h2 id="content-heading"><xsl:value-of select="kt:msg('listing.content')"/></h2>
          <xsl:call-template name="listing-table">
            <xsl:with-param name="right" select="listing[@role = 'current']"/>
            <xsl:with-param name="caption" select="kt:msg('listing.content')"/>
          </xsl:call-template>
        </section>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Where the item stands: its state, whether and from when it is public. -->
  <xsl:template name="news-status">
    <xsl:param name="m"/>
    <section class="callout" aria-labelledby="status-heading">
      <h2 id="status-heading"><xsl:value-of select="kt:msg('news.status.heading')"/></h2>
      <dl class="facts">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('listing.state')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="news-state"><xsl:with-param name="state" select="$m/@state"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('listing.public')"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$m/@public = 'true'">
                <a href="{$home}news/{$m/@id}"><xsl:value-of select="kt:msg('listing.public.yes')"/></a>
                <xsl:if test="$m/@pending-edit = 'true'">
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="kt:msg('news.public.pending')"/>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="kt:msg('listing.public.no')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$m/@published-at">
          <xsl:call-template name="fact">
            <xsl:with-param name="label">
              <xsl:choose>
                <xsl:when test="$m/@state = 'scheduled'"><xsl:value-of select="kt:msg('news.scheduled-for')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="kt:msg('news.published')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="value">
              <xsl:call-template name="datetime"><xsl:with-param name="at" select="$m/@published-at"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </dl>
      <p><xsl:value-of select="kt:msg(concat('news.state.', $m/@state, '.text'))"/></p>
    </section>
  </xsl:template>

  <!-- ==== withdrawing, asked once more ============================================ -->

  <xsl:template match="page[@type = 'listing-archive']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'listing']"/>
    <p class="breadcrumb"><a href="{$fs/@action}"><xsl:value-of select="kt:msg('listing.back')"/></a></p>
    <h1><xsl:value-of select="kt:msg('news.withdraw.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('news.withdraw.question')"/></p>
    <p><xsl:value-of select="kt:msg('news.withdraw.intro')"/></p>
    <form method="post" action="{$fs/@action}">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <input type="hidden" name="confirm" value="yes"/>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('news.withdraw.confirm')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'withdraw'"/>
      </xsl:call-template>
    </form>
    <p><a href="{$fs/@action}"><xsl:value-of select="kt:msg('listing.archive.cancel')"/></a></p>
  </xsl:template>

  <!-- ==== the form ================================================================== -->

  <xsl:template name="listing-form">
    <xsl:param name="fs"/>
    <xsl:variable name="m" select="/page/listing-meta"/>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate" class="listing-form">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:if test="$fs/field[@name = 'revision']/@value">
        <input type="hidden" name="revision" value="{$fs/field[@name = 'revision']/@value}"/>
      </xsl:if>
      <p class="hint"><xsl:value-of select="kt:msg('news.form.intro')"/></p>

      <h2><xsl:value-of select="kt:msg('news.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('news.section.texts.hint')"/></p>
      <xsl:call-template name="news-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="news-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="news-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('news.section.related')"/></h2>
      <xsl:call-template name="related-select"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('news.section.publish')"/></h2>
      <xsl:choose>
        <xsl:when test="$m/@public = 'true'">
          <p><xsl:value-of select="kt:msg('news.publish.edit')"/></p>
        </xsl:when>
        <xsl:when test="$m/@state = 'scheduled'">
          <p><xsl:value-of select="kt:msg('news.publish.scheduled')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="kt:msg('news.publish.intro')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <div class="button-row">
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('news.save')"/>
          <xsl:with-param name="name" select="'action'"/>
          <xsl:with-param name="value" select="'save'"/>
          <xsl:with-param name="class" select="'button button-secondary'"/>
        </xsl:call-template>
        <xsl:if test="not($m) or $m/@publishable = 'true'">
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('news.publish')"/>
            <xsl:with-param name="name" select="'action'"/>
            <xsl:with-param name="value" select="'publish'"/>
          </xsl:call-template>
        </xsl:if>
      </div>
      <xsl:if test="not($m) or $m/@schedulable = 'true' or $fs/field[@name = 'publish_date']/@error">
        <fieldset class="schedule">
          <legend><xsl:value-of select="kt:msg('news.schedule.legend')"/></legend>
          <p class="hint"><xsl:value-of select="kt:msg('news.schedule.hint')"/></p>
          <xsl:call-template name="field-input">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'publish_date'"/>
            <xsl:with-param name="label" select="kt:msg('news.field.publish_date')"/>
            <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
            <xsl:with-param name="size" select="'short'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="field-input">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'publish_time'"/>
            <xsl:with-param name="label" select="kt:msg('news.field.publish_time')"/>
            <xsl:with-param name="hint" select="kt:msg('event.field.time.hint')"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
            <xsl:with-param name="size" select="'short'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('news.schedule')"/>
            <xsl:with-param name="name" select="'action'"/>
            <xsl:with-param name="value" select="'schedule'"/>
            <xsl:with-param name="class" select="'button button-secondary'"/>
          </xsl:call-template>
        </fieldset>
      </xsl:if>
    </form>
  </xsl:template>

  <!-- Title, summary and body in one language. -->
  <xsl:template name="news-texts">
    <xsl:param name="fs"/>
    <xsl:param name="l"/>
    <fieldset class="language-texts">
      <legend><xsl:value-of select="kt:msg(concat('news.in.', $l))"/></legend>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('title_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('news.field.title.', $l))"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-textarea">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('summary_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('news.field.summary.', $l))"/>
        <xsl:with-param name="hint" select="kt:msg('news.field.summary.hint')"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="rows" select="3"/>
      </xsl:call-template>
      <xsl:call-template name="field-textarea">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('body_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('news.field.body.', $l))"/>
        <xsl:with-param name="hint" select="kt:msg('news.field.body.hint')"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="rows" select="12"/>
      </xsl:call-template>
    </fieldset>
  </xsl:template>

  <!-- The related item: organisations, projects and events in groups. -->
  <xsl:template name="related-select">
    <xsl:param name="fs"/>
    <xsl:variable name="id" select="concat($fs/@name, '-related')"/>
    <xsl:variable name="f" select="$fs/field[@name = 'related']"/>
    <xsl:variable name="options" select="/page/options[@for = 'related']/option"/>
    <xsl:variable name="hint" select="kt:msg('news.field.related.hint')"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="label" select="kt:msg('news.field.related')"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <select id="{$id}" name="related">
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="false()"/>
        </xsl:call-template>
        <option value=""><xsl:value-of select="kt:msg('news.field.related.none')"/></option>
        <xsl:for-each select="$options[not(@group = preceding-sibling::option/@group)]">
          <xsl:variable name="g" select="@group"/>
          <optgroup label="{kt:msg(concat('news.related.', $g))}">
            <xsl:for-each select="$options[@group = $g]">
              <option value="{@value}">
                <xsl:if test="string(@value) = string($f/@value)">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </option>
            </xsl:for-each>
          </optgroup>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <!-- ==== one row of an item as text ================================================= -->

  <xsl:template name="listing-value">
    <xsl:param name="l"/>
    <xsl:param name="row"/>
    <xsl:variable name="v" select="$l/field[@name = $row]"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$row = 'related'">
          <xsl:variable name="code" select="string($v/@value)"/>
          <xsl:choose>
            <xsl:when test="$page/options[@for = 'related']/option[@value = $code]">
              <xsl:value-of select="normalize-space($page/options[@for = 'related']/option[@value = $code])"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="normalize-space($v/@value)">
          <div lang="{substring-after($row, '_')}" class="lang-labelled">
            <xsl:call-template name="paragraphs">
              <xsl:with-param name="s" select="string($v/@value)"/>
            </xsl:call-template>
          </div>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($text)"><xsl:copy-of select="$text"/></xsl:when>
      <xsl:otherwise><span class="meta"><xsl:value-of select="kt:msg('listing.empty')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
