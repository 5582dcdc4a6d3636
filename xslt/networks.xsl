<?xml version="1.0" encoding="UTF-8"?>
<!--
  Networks of organisations (src/kt_networks.c):
    networks      the list, GET /{lang}/networks: <networks-search page new-href> with
                  <asked><filter param value remove-href/>…</asked>,
                  <options for="audience|region|municipality"><option value group/>,
                  <results total first last past-end><network/>…</results>, <pages>
    network       one network: <network id updated> with its area, audiences, lists,
                  contact, coordinator and <member-organisations>
    network-join  an organisation's main user asks to join, or leaves:
                  <network id public>, <my-organisations><organisation id status
                  membership coordinator><name/>…, form states join and leave
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page[@type = 'networks']" mode="title">
    <xsl:value-of select="kt:msg('networks.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'network']" mode="title">
    <xsl:value-of select="normalize-space(network/title)"/>
  </xsl:template>
  <xsl:template match="page[@type = 'network-join']" mode="title">
    <xsl:value-of select="concat(kt:msg('network.join.heading'), ': ', normalize-space(network/title))"/>
  </xsl:template>

  <!-- ==== the list ======================================================== -->

  <xsl:template match="page[@type = 'networks']" mode="main">
    <xsl:variable name="s" select="networks-search"/>
    <h1><xsl:value-of select="kt:msg('networks.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('networks.intro')"/></p>
    <section class="search-panel" aria-labelledby="networks-filters-heading">
      <h2 id="networks-filters-heading"><xsl:value-of select="kt:msg('networks.filters')"/></h2>
      <form action="{$home}networks" method="get" role="search" aria-labelledby="networks-filters-heading">
        <div class="field">
          <label for="networks-q"><xsl:value-of select="kt:msg('networks.q.label')"/></label>
          <input type="search" id="networks-q" name="q" value="{$s/asked/filter[@param = 'q']/@value}"/>
        </div>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('networks.audience.legend')"/></legend>
          <ul class="checkbox-list">
            <xsl:for-each select="$s/options[@for = 'audience']/option">
              <li>
                <input type="checkbox" id="networks-audience-{@value}" name="audience" value="{@value}">
                  <xsl:if test="$s/asked/filter[@param = 'audience'][@value = current()/@value]">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <label for="networks-audience-{@value}"><xsl:value-of select="normalize-space(.)"/></label>
              </li>
            </xsl:for-each>
          </ul>
        </fieldset>
        <xsl:call-template name="networks-select">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'region'"/>
        </xsl:call-template>
        <xsl:call-template name="networks-select">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'municipality'"/>
        </xsl:call-template>
        <p class="hint"><xsl:value-of select="kt:msg('networks.place.hint')"/></p>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('networks.submit')"/></button>
        </p>
      </form>
    </section>
    <xsl:call-template name="networks-results"><xsl:with-param name="s" select="$s"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="networks-select">
    <xsl:param name="s"/>
    <xsl:param name="param"/>
    <div class="field">
      <label for="networks-{$param}"><xsl:value-of select="kt:msg(concat('networks.', $param, '.label'))"/></label>
      <select id="networks-{$param}" name="{$param}">
        <option value=""><xsl:value-of select="kt:msg('networks.all')"/></option>
        <xsl:for-each select="$s/options[@for = $param]/option">
          <option value="{@value}">
            <xsl:if test="$s/asked/filter[@param = $param][@value = current()/@value]">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <xsl:template name="networks-results">
    <xsl:param name="s"/>
    <xsl:variable name="r" select="$s/results"/>
    <section aria-labelledby="networks-results-heading">
      <h2 id="networks-results-heading">
        <xsl:value-of select="concat(kt:msg('networks.results'), ' (', $r/@total, ')')"/>
      </h2>
      <xsl:if test="$s/asked/filter">
        <div class="active-filters">
          <p><xsl:value-of select="kt:msg('networks.chosen')"/></p>
          <ul class="chips">
            <xsl:for-each select="$s/asked/filter">
              <xsl:variable name="param" select="@param"/>
              <xsl:variable name="value" select="@value"/>
              <li>
                <a href="{@remove-href}">
                  <xsl:choose>
                    <xsl:when test="$s/options[@for = $param]/option[@value = $value]">
                      <xsl:value-of select="normalize-space($s/options[@for = $param]/option[@value = $value])"/>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
                  </xsl:choose>
                  <span class="visually-hidden"><xsl:value-of select="concat(' – ', kt:msg('networks.remove'))"/></span>
                  <span aria-hidden="true"> ×</span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{$s/@new-href}"><xsl:value-of select="kt:msg('networks.clear')"/></a></p>
        </div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$r/network">
          <p class="meta"><xsl:value-of select="concat($r/@first, '–', $r/@last, ' / ', $r/@total)"/></p>
          <ul class="cards">
            <xsl:for-each select="$r/network">
              <li><xsl:call-template name="network-card"/></li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$r/@past-end = 'true'">
          <p class="empty"><xsl:value-of select="kt:msg('networks.past-end')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('networks.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="number($s/pages/@last) &gt; 1 or number($s/pages/@current) &gt; number($s/pages/@last)">
        <nav class="pagination" aria-label="{kt:msg('networks.pages')}">
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

  <!-- Where a network works, in one line. -->
  <xsl:template name="network-area">
    <xsl:param name="area" select="area"/>
    <xsl:choose>
      <xsl:when test="$area/@kind = 'national'"><xsl:value-of select="kt:msg('network.area.national')"/></xsl:when>
      <xsl:when test="$area/@kind = 'region'"><xsl:value-of select="normalize-space($area/region)"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$area/municipalities/municipality">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="network-card">
    <article class="card">
      <h3 class="card-title">
        <xsl:call-template name="text-inline">
          <xsl:with-param name="text" select="title"/>
          <xsl:with-param name="href" select="concat($home, 'networks/', @id)"/>
        </xsl:call-template>
      </h3>
      <dl class="card-facts">
        <div>
          <dt><xsl:value-of select="kt:msg('network.area')"/></dt>
          <dd><xsl:call-template name="network-area"/></dd>
        </div>
        <xsl:if test="audiences/audience">
          <div>
            <dt><xsl:value-of select="kt:msg('network.audiences')"/></dt>
            <dd>
              <xsl:for-each select="audiences/audience">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="kt:msg('network.coordinator')"/></dt>
          <dd><xsl:value-of select="normalize-space(organisation)"/></dd>
        </div>
        <div>
          <dt><xsl:value-of select="kt:msg('network.members.count')"/></dt>
          <dd><xsl:value-of select="members/@count"/></dd>
        </div>
      </dl>
    </article>
  </xsl:template>

  <!-- ==== one network ===================================================== -->

  <xsl:template match="page[@type = 'network']" mode="main">
    <xsl:apply-templates select="network"/>
  </xsl:template>

  <xsl:template match="network">
    <article class="activity network">
      <header class="activity-header">
        <h1><xsl:call-template name="text-inline"><xsl:with-param name="text" select="title"/></xsl:call-template></h1>
        <p class="lead">
          <xsl:value-of select="kt:msg('network.coordinated-by')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}organisations/{organisation/@id}"><xsl:value-of select="normalize-space(organisation)"/></a>
        </p>
      </header>

      <xsl:if test="normalize-space(description)">
        <section aria-labelledby="description-heading">
          <h2 id="description-heading"><xsl:value-of select="kt:msg('network.description')"/></h2>
          <xsl:call-template name="text-block"><xsl:with-param name="text" select="description"/></xsl:call-template>
        </section>
      </xsl:if>

      <section aria-labelledby="basics-heading">
        <h2 id="basics-heading"><xsl:value-of select="kt:msg('network.basics')"/></h2>
        <dl class="facts">
          <div>
            <dt><xsl:value-of select="kt:msg('network.area')"/></dt>
            <dd><xsl:call-template name="network-area"/></dd>
          </div>
          <xsl:if test="audiences/audience">
            <div>
              <dt><xsl:value-of select="kt:msg('network.audiences')"/></dt>
              <dd><xsl:call-template name="term-list"><xsl:with-param name="items" select="audiences/audience"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <xsl:for-each select="list[item]">
        <section aria-labelledby="list-{@name}-heading">
          <h2 id="list-{@name}-heading"><xsl:value-of select="kt:msg(concat('network.list.', @name))"/></h2>
          <xsl:if test="string(@lang) != $lang">
            <p class="fallback-notice"><xsl:value-of select="kt:msg(concat('fallback.text.', @lang))"/></p>
          </xsl:if>
          <ul class="prose-list">
            <xsl:if test="string(@lang) != $lang">
              <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
            </xsl:if>
            <xsl:for-each select="item">
              <li><xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:for-each>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading"><xsl:value-of select="kt:msg('network.members')"/></h2>
        <xsl:choose>
          <xsl:when test="member-organisations/organisation">
            <ul class="member-list">
              <xsl:for-each select="member-organisations/organisation">
                <li><a href="{$home}organisations/{@id}"><xsl:value-of select="normalize-space(.)"/></a></li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="empty"><xsl:value-of select="kt:msg('network.members.none')"/></p></xsl:otherwise>
        </xsl:choose>
        <p><a href="{$home}manage/networks/{@id}/join"><xsl:value-of select="kt:msg('network.join.link')"/></a></p>
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading"><xsl:value-of select="kt:msg('network.contact')"/></h2>
        <dl class="facts">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('network.contact.person')"/>
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
              <dt><xsl:value-of select="kt:msg('network.link')"/></dt>
              <dd><xsl:call-template name="web-link"><xsl:with-param name="url" select="link/@href"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <footer class="activity-footer">
        <p class="more"><a href="{$home}networks"><xsl:value-of select="kt:msg('network.more')"/></a></p>
      </footer>
    </article>
  </xsl:template>

  <!-- ==== joining and leaving ============================================== -->

  <xsl:template match="page[@type = 'network-join']" mode="main">
    <xsl:variable name="n" select="network"/>
    <xsl:variable name="join" select="form-state[@name = 'join']"/>
    <xsl:variable name="leave" select="form-state[@name = 'leave']"/>
    <xsl:variable name="askable" select="my-organisations/organisation[@membership = 'none' and @coordinator = 'false' and @status = 'approved']"/>
    <p class="breadcrumb"><a href="{$home}manage"><xsl:value-of select="kt:msg('manage.heading')"/></a></p>
    <h1>
      <xsl:value-of select="concat(kt:msg('network.join.heading'), ': ')"/>
      <xsl:call-template name="text-inline"><xsl:with-param name="text" select="$n/title"/></xsl:call-template>
    </h1>
    <xsl:call-template name="notice"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('network.join.intro')"/>
      <xsl:text> </xsl:text>
      <xsl:if test="$n/@public = 'true'">
        <a href="{$home}networks/{$n/@id}"><xsl:value-of select="kt:msg('network.join.public-page')"/></a>
      </xsl:if>
    </p>
    <xsl:if test="my-organisations/organisation[@membership != 'none']">
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading"><xsl:value-of select="kt:msg('network.join.mine')"/></h2>
        <ul class="member-rows">
          <xsl:for-each select="my-organisations/organisation[@membership != 'none']">
            <li>
              <xsl:value-of select="normalize-space(name)"/>
              <xsl:value-of select="concat(' – ', kt:msg(concat('network.membership.', @membership)))"/>
              <form method="post" action="{$leave/@action}" class="inline-form">
                <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$leave"/></xsl:call-template>
                <input type="hidden" name="organisation" value="{@id}"/>
                <button type="submit" class="button button-secondary">
                  <xsl:value-of select="kt:msg(concat('network.leave.', @membership))"/>
                  <span class="visually-hidden"><xsl:value-of select="concat(': ', normalize-space(name))"/></span>
                </button>
              </form>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <section aria-labelledby="ask-heading">
      <h2 id="ask-heading"><xsl:value-of select="kt:msg('network.join.ask')"/></h2>
      <xsl:choose>
        <xsl:when test="$n/@public != 'true'">
          <p><xsl:value-of select="kt:msg('network.join.not-public')"/></p>
        </xsl:when>
        <xsl:when test="$askable">
          <form method="post" action="{$join/@action}" novalidate="novalidate">
            <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$join"/></xsl:call-template>
            <div class="field">
              <label for="join-organisation"><xsl:value-of select="kt:msg('network.join.organisation')"/></label>
              <select id="join-organisation" name="organisation">
                <xsl:for-each select="$askable">
                  <option value="{@id}"><xsl:value-of select="normalize-space(name)"/></option>
                </xsl:for-each>
              </select>
            </div>
            <p class="actions"><button type="submit"><xsl:value-of select="kt:msg('network.join.submit')"/></button></p>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="kt:msg('network.join.nothing')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
