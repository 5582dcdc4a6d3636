<?xml version="1.0" encoding="UTF-8"?>
<!--
  Statements whose text is in the catalogs (src/kt_info.c):
    terms          terms of use (terms.*)
    privacy        privacy statement (privacy.*), naming the controller of
                   <controller> (KotoutuminenController…, HACKING.md)
    accessibility  accessibility statement (accessibility.*), as the Act on
                   the Provision of Digital Services (306/2019) asks: the
                   state of conformance, known gaps, how it was assessed,
                   dates, the feedback channel and the supervising authority.
  A maintainer corrects the facts (dates, gaps, the authority) in the
  catalogs; the list of gaps is the token list in 'accessibility-gaps' below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="kt str">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="prose.xsl"/>

  <!-- Known gaps of the accessibility statement: accessibility.gap.NAME and
       accessibility.gap.NAME.criterion in the catalogs.  Remove a name when
       its gap is fixed, add one when a gap is found. -->
  <xsl:variable name="accessibility-gaps" select="'session-timeout user-content'"/>

  <xsl:template match="page[@type = 'terms']" mode="title">
    <xsl:value-of select="kt:msg('terms.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'privacy']" mode="title">
    <xsl:value-of select="kt:msg('privacy.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'accessibility']" mode="title">
    <xsl:value-of select="kt:msg('accessibility.heading')"/>
  </xsl:template>

  <xsl:template name="section">
    <xsl:param name="heading"/>
    <xsl:param name="text"/>
    <h2><xsl:value-of select="$heading"/></h2>
    <p><xsl:value-of select="$text"/></p>
  </xsl:template>

  <xsl:template match="page[@type = 'terms']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('terms.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('terms.intro')"/></p>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.account.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.account.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.organisation.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.organisation.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.content.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.content.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.moderation.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.moderation.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.open-data.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.open-data.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.end.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.end.text')"/>
      </xsl:call-template>
      <p><a href="{$home}privacy"><xsl:value-of select="kt:msg('footer.privacy')"/></a></p>
    </div>
  </xsl:template>

  <!-- ================================================================
       Privacy statement
       ================================================================ -->

  <!-- One line of contact details: addresses as links, the rest as text. -->
  <xsl:template match="line">
    <xsl:choose>
      <xsl:when test="@kind = 'email'"><a href="mailto:{.}"><xsl:value-of select="."/></a></xsl:when>
      <xsl:when test="@kind = 'web'">
        <xsl:call-template name="web-link"><xsl:with-param name="url" select="."/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="following-sibling::line"><br/></xsl:if>
  </xsl:template>

  <xsl:template name="controller">
    <xsl:variable name="c" select="controller"/>
    <h2 id="controller"><xsl:value-of select="kt:msg('privacy.controller.heading')"/></h2>
    <xsl:choose>
      <xsl:when test="$c/name">
        <p><xsl:value-of select="kt:msg('privacy.controller.text')"/></p>
        <address class="contact-card">
          <strong><xsl:value-of select="$c/name"/></strong>
          <xsl:if test="$c/contact">
            <br/>
            <xsl:apply-templates select="$c/contact/line"/>
          </xsl:if>
        </address>
        <xsl:if test="$c/dpo">
          <h3><xsl:value-of select="kt:msg('privacy.dpo.heading')"/></h3>
          <address class="contact-card"><xsl:apply-templates select="$c/dpo/line"/></address>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!-- KotoutuminenController is not set: say so, and where to ask -->
        <p class="callout controller-unset"><xsl:value-of select="kt:msg('privacy.controller.unset')"/></p>
        <xsl:call-template name="msg-link">
          <xsl:with-param name="href" select="concat($home, 'contact')"/>
          <xsl:with-param name="link" select="kt:msg('privacy.contact.link')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@type = 'privacy']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('privacy.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('privacy.intro')"/></p>
      <xsl:call-template name="controller"/>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.data.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.data.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.purpose.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.purpose.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.public.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.public.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.cookies.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.cookies.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.retention.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.retention.text')"/>
      </xsl:call-template>
      <h2 id="rights"><xsl:value-of select="kt:msg('privacy.rights.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('privacy.rights.text')"/></p>
      <ul>
        <li>
          <xsl:value-of select="kt:msg('privacy.rights.account')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}account"><xsl:value-of select="kt:msg('privacy.rights.account.link')"/></a>
        </li>
        <li><a href="{$home}account/data"><xsl:value-of select="kt:msg('myaccount.data.link')"/></a></li>
        <li><a href="{$home}account/delete"><xsl:value-of select="kt:msg('myaccount.delete.heading')"/></a></li>
        <li>
          <xsl:value-of select="kt:msg('privacy.rights.contact')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}contact"><xsl:value-of select="kt:msg('privacy.contact.link')"/></a>
        </li>
        <li>
          <xsl:value-of select="kt:msg('privacy.rights.complaint')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="web-link">
            <xsl:with-param name="url" select="kt:msg('privacy.ombudsman.url')"/>
            <xsl:with-param name="text" select="kt:msg('privacy.ombudsman.name')"/>
          </xsl:call-template>
        </li>
      </ul>
      <p><a href="{$home}terms"><xsl:value-of select="kt:msg('footer.terms')"/></a></p>
    </div>
  </xsl:template>

  <!-- ================================================================
       Accessibility statement
       ================================================================ -->

  <xsl:template match="page[@type = 'accessibility']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('accessibility.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('accessibility.intro')"/></p>
      <xsl:if test="string(@base) or controller/name">
        <p>
          <xsl:if test="string(@base)">
            <xsl:call-template name="fill">
              <xsl:with-param name="text" select="kt:msg('accessibility.applies')"/>
              <xsl:with-param name="name" select="'address'"/>
              <xsl:with-param name="value" select="string(@base)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="controller/name">
            <xsl:if test="string(@base)"><xsl:text> </xsl:text></xsl:if>
            <xsl:call-template name="fill">
              <xsl:with-param name="text" select="kt:msg('accessibility.provider')"/>
              <xsl:with-param name="name" select="'provider'"/>
              <xsl:with-param name="value" select="string(controller/name)"/>
            </xsl:call-template>
          </xsl:if>
        </p>
      </xsl:if>

      <h2 id="status"><xsl:value-of select="kt:msg('accessibility.status.heading')"/></h2>
      <p><strong><xsl:value-of select="kt:msg('accessibility.status.text')"/></strong></p>

      <h2 id="gaps"><xsl:value-of select="kt:msg('accessibility.gaps.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('accessibility.gaps.intro')"/></p>
      <ul class="gap-list">
        <xsl:for-each select="str:tokenize($accessibility-gaps, ' ')">
          <li>
            <xsl:value-of select="kt:msg(concat('accessibility.gap.', .))"/>
            <xsl:text> </xsl:text>
            <span class="meta"><xsl:value-of select="kt:msg(concat('accessibility.gap.', ., '.criterion'))"/></span>
          </li>
        </xsl:for-each>
      </ul>

      <h2 id="assessment"><xsl:value-of select="kt:msg('accessibility.method.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('accessibility.method.text')"/></p>
      <xsl:call-template name="msg-list">
        <xsl:with-param name="prefix" select="'accessibility.method.'"/>
        <xsl:with-param name="names" select="'axe vnu keyboard reflow'"/>
      </xsl:call-template>
      <p><xsl:value-of select="kt:msg('accessibility.method.limits')"/></p>
      <p>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('accessibility.dates')"/>
          <xsl:with-param name="name" select="'prepared'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="date"><xsl:with-param name="date" select="kt:msg('accessibility.prepared')"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('accessibility.reviewed.text')"/>
          <xsl:with-param name="name" select="'reviewed'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="date"><xsl:with-param name="date" select="kt:msg('accessibility.reviewed')"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </p>

      <h2 id="feedback"><xsl:value-of select="kt:msg('accessibility.feedback.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('accessibility.feedback.text')"/></p>
      <p class="next-steps">
        <a href="{$home}contact"><xsl:value-of select="kt:msg('accessibility.feedback.link')"/></a>
      </p>

      <h2 id="authority"><xsl:value-of select="kt:msg('accessibility.authority.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('accessibility.authority.text')"/></p>
      <address class="contact-card">
        <strong><xsl:value-of select="kt:msg('accessibility.authority.name')"/></strong>
        <br/>
        <xsl:value-of select="kt:msg('accessibility.authority.web')"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="web-link">
          <xsl:with-param name="url" select="kt:msg('accessibility.authority.url')"/>
          <xsl:with-param name="text" select="kt:msg('accessibility.authority.url.text')"/>
        </xsl:call-template>
      </address>
      <p><xsl:value-of select="kt:msg('accessibility.authority.history')"/></p>
    </div>
  </xsl:template>

</xsl:stylesheet>
