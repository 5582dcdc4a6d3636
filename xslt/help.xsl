<?xml version="1.0" encoding="UTF-8"?>
<!--
  Instructions for organisations (src/kt_info.c); the words are in the
  catalogs (help.*, fororg.*):
    for-organisations  how an organisation gets its activities listed;
                       <organisation-types><type code="">name</type>…
    help               the help topics: <topics><topic name=""/>…</topics>
    help-topic         one topic, /page/@topic (src/lib/kt_pagelist.c lists
                       them), with <topics>; "registering" has
                       <organisation-types>, "moderation" <review-times days="">
                       <review of="listings|organisations" decisions=""
                       median-hours="" p90-hours=""/>…</review-times>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="kt str">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="prose.xsl"/>

  <!-- The rules of PRODUCT.md by the names the listing editor confirms them
       with (rule_NAME, src/kt_editor.c): what a listing must be, then what
       cannot be listed. -->
  <xsl:variable name="rules-must" select="'immigrants non_commercial open non_aligned equality'"/>
  <xsl:variable name="rules-not" select="'not_authority not_single_event volunteering'"/>

  <!-- Figures of the moderation topic only from this many decisions on. -->
  <xsl:variable name="review-min-decisions" select="5"/>

  <xsl:template match="page[@type = 'for-organisations']" mode="title">
    <xsl:value-of select="kt:msg('fororg.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'help']" mode="title">
    <xsl:value-of select="kt:msg('help.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'help-topic']" mode="title">
    <xsl:value-of select="kt:msg(concat('help.topic.', @topic, '.title'))"/>
  </xsl:template>

  <xsl:template name="topic-href">
    <xsl:param name="name"/>
    <xsl:value-of select="concat($home, 'help/', $name)"/>
  </xsl:template>

  <!-- The registrable organisation types, from the database. -->
  <xsl:template name="organisation-types">
    <ul class="columns">
      <xsl:for-each select="/page/organisation-types/type">
        <li><xsl:value-of select="."/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ================================================================
       /{lang}/for-organisations
       ================================================================ -->

  <xsl:template match="page[@type = 'for-organisations']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('fororg.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('fororg.lead')"/></p>

      <h2 id="who"><xsl:value-of select="kt:msg('fororg.who.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('fororg.who.text')"/></p>
      <xsl:call-template name="organisation-types"/>
      <p><xsl:value-of select="kt:msg('fororg.who.project')"/></p>
      <p>
        <a href="{$home}help/listing-rules"><xsl:value-of select="kt:msg('fororg.who.rules-link')"/></a>
      </p>

      <h2 id="need"><xsl:value-of select="kt:msg('fororg.need.heading')"/></h2>
      <xsl:call-template name="msg-list">
        <xsl:with-param name="prefix" select="'fororg.need.'"/>
        <xsl:with-param name="names" select="'email business-id registry-number details'"/>
      </xsl:call-template>
      <p>
        <a href="{$home}help/registering#business-id"><xsl:value-of select="kt:msg('fororg.need.business-id-link')"/></a>
      </p>

      <h2 id="steps"><xsl:value-of select="kt:msg('fororg.steps.heading')"/></h2>
      <ol class="steps">
        <li>
          <p><xsl:value-of select="kt:msg('fororg.step.account')"/></p>
          <p><a class="button" href="{$home}register"><xsl:value-of select="kt:msg('fororg.step.account.link')"/></a></p>
        </li>
        <li>
          <p><xsl:value-of select="kt:msg('fororg.step.join')"/></p>
          <p><a href="{$home}login"><xsl:value-of select="kt:msg('fororg.step.join.link')"/></a></p>
        </li>
        <li><p><xsl:value-of select="kt:msg('fororg.step.register-org')"/></p></li>
        <li><p><xsl:value-of select="kt:msg('fororg.step.write')"/></p></li>
        <li>
          <p><xsl:value-of select="kt:msg('fororg.step.submit')"/></p>
          <p><a href="{$home}help/moderation"><xsl:value-of select="kt:msg('fororg.step.submit.link')"/></a></p>
        </li>
        <li><p><xsl:value-of select="kt:msg('fororg.step.keep')"/></p></li>
      </ol>

      <h2 id="help"><xsl:value-of select="kt:msg('fororg.help.heading')"/></h2>
      <xsl:call-template name="topic-list"/>
      <p><xsl:value-of select="kt:msg('fororg.help.contact')"/>
        <xsl:text> </xsl:text>
        <a href="{$home}contact"><xsl:value-of select="kt:msg('help.contact.link')"/></a>
      </p>
    </div>
  </xsl:template>

  <!-- ================================================================
       /{lang}/help and its topics
       ================================================================ -->

  <!-- Each topic with a link and what it answers; the current one, on a
       topic page, is left out. -->
  <xsl:template name="topic-list">
    <xsl:param name="except"/>
    <ul class="topic-list">
      <xsl:for-each select="/page/topics/topic[@name != $except]">
        <li>
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="topic-href"><xsl:with-param name="name" select="@name"/></xsl:call-template>
            </xsl:attribute>
            <xsl:value-of select="kt:msg(concat('help.topic.', @name, '.title'))"/>
          </a>
          <br/>
          <span class="meta"><xsl:value-of select="kt:msg(concat('help.topic.', @name, '.summary'))"/></span>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="page[@type = 'help']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('help.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('help.lead')"/></p>
      <xsl:call-template name="topic-list"/>
      <h2><xsl:value-of select="kt:msg('help.start.heading')"/></h2>
      <p>
        <xsl:value-of select="kt:msg('help.start.text')"/>
        <xsl:text> </xsl:text>
        <a href="{$home}for-organisations"><xsl:value-of select="kt:msg('nav.for-organisations')"/></a>
      </p>
      <h2><xsl:value-of select="kt:msg('help.contact.heading')"/></h2>
      <p>
        <xsl:value-of select="kt:msg('help.contact.text')"/>
        <xsl:text> </xsl:text>
        <a href="{$home}contact"><xsl:value-of select="kt:msg('help.contact.link')"/></a>
      </p>
    </div>
  </xsl:template>

  <xsl:template match="page[@type = 'help-topic']" mode="main">
    <p class="breadcrumb"><a href="{$home}help"><xsl:value-of select="kt:msg('help.heading')"/></a></p>
    <div class="prose">
      <h1><xsl:value-of select="kt:msg(concat('help.topic.', @topic, '.title'))"/></h1>
      <xsl:apply-templates select="." mode="topic"/>
    </div>
    <nav class="other-topics" aria-labelledby="other-topics-heading">
      <h2 id="other-topics-heading"><xsl:value-of select="kt:msg('help.other-topics')"/></h2>
      <xsl:call-template name="topic-list">
        <xsl:with-param name="except" select="@topic"/>
      </xsl:call-template>
    </nav>
  </xsl:template>

  <!-- What may be listed: the rules, each explained. -->
  <xsl:template name="rules">
    <xsl:param name="names"/>
    <xsl:for-each select="str:tokenize($names, ' ')">
      <section class="rule" id="rule-{.}" aria-labelledby="rule-{.}-heading">
        <h3 id="rule-{.}-heading"><xsl:value-of select="kt:msg(concat('help.rule.', ., '.title'))"/></h3>
        <p><xsl:value-of select="kt:msg(concat('help.rule.', ., '.text'))"/></p>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page[@topic = 'listing-rules']" mode="topic">
    <p class="lead"><xsl:value-of select="kt:msg('help.rules.lead')"/></p>
    <p><xsl:value-of select="kt:msg('help.rules.purpose')"/></p>
    <xsl:call-template name="msg-list">
      <xsl:with-param name="prefix" select="'help.rules.purpose.'"/>
      <xsl:with-param name="names" select="'knowledge wellbeing interaction networks'"/>
    </xsl:call-template>
    <h2 id="must"><xsl:value-of select="kt:msg('help.rules.must.heading')"/></h2>
    <xsl:call-template name="rules"><xsl:with-param name="names" select="$rules-must"/></xsl:call-template>
    <h2 id="not"><xsl:value-of select="kt:msg('help.rules.not.heading')"/></h2>
    <xsl:call-template name="rules"><xsl:with-param name="names" select="$rules-not"/></xsl:call-template>
    <h2 id="who"><xsl:value-of select="kt:msg('help.rules.who.heading')"/></h2>
    <p>
      <xsl:value-of select="kt:msg('help.rules.who.text')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}help/registering#who"><xsl:value-of select="kt:msg('help.topic.registering.title')"/></a>
    </p>
    <h2 id="confirm"><xsl:value-of select="kt:msg('help.rules.confirm.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.rules.confirm.text')"/></p>
  </xsl:template>

  <xsl:template match="page[@topic = 'registering']" mode="topic">
    <p class="lead"><xsl:value-of select="kt:msg('help.register.lead')"/></p>
    <h2 id="account"><xsl:value-of select="kt:msg('help.register.account.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.register.account.text')"/></p>
    <p><xsl:value-of select="kt:msg('help.register.account.personal')"/></p>
    <p><a href="{$home}register"><xsl:value-of select="kt:msg('fororg.step.account.link')"/></a></p>
    <h2 id="who"><xsl:value-of select="kt:msg('help.register.who.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.register.who.text')"/></p>
    <xsl:call-template name="organisation-types"/>
    <p><xsl:value-of select="kt:msg('fororg.who.project')"/></p>
    <p><xsl:value-of select="kt:msg('help.register.who.agencies')"/></p>
    <p><xsl:value-of select="kt:msg('help.register.who.authority')"/></p>
    <h2 id="join"><xsl:value-of select="kt:msg('help.register.join.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.register.join.text')"/></p>
    <h2 id="business-id"><xsl:value-of select="kt:msg('help.register.bizid.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.register.bizid.text')"/></p>
    <p>
      <xsl:value-of select="kt:msg('help.register.bizid.find')"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="web-link">
        <xsl:with-param name="url" select="kt:msg('help.register.bizid.url')"/>
        <xsl:with-param name="text" select="kt:msg('help.register.bizid.url.text')"/>
      </xsl:call-template>
    </p>
    <p><xsl:value-of select="kt:msg('help.register.bizid.association')"/></p>
    <h2 id="approval"><xsl:value-of select="kt:msg('help.register.approval.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.register.approval.text')"/></p>
  </xsl:template>

  <xsl:template match="page[@topic = 'main-user']" mode="topic">
    <p class="lead"><xsl:value-of select="kt:msg('help.main.lead')"/></p>
    <h2 id="duties"><xsl:value-of select="kt:msg('help.main.duties.heading')"/></h2>
    <xsl:call-template name="msg-list">
      <xsl:with-param name="prefix" select="'help.main.duty.'"/>
      <xsl:with-param name="names" select="'approve remove profile current hand-on'"/>
    </xsl:call-template>
    <h2 id="where"><xsl:value-of select="kt:msg('help.main.where.heading')"/></h2>
    <p>
      <xsl:value-of select="kt:msg('help.main.where.text')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}manage"><xsl:value-of select="kt:msg('nav.manage')"/></a>
    </p>
    <h2 id="members"><xsl:value-of select="kt:msg('help.main.members.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.main.members.text')"/></p>
  </xsl:template>

  <!-- A number of hours as words: hours up to two days, then days. -->
  <xsl:template name="duration">
    <xsl:param name="hours"/>
    <xsl:variable name="h" select="number($hours)"/>
    <xsl:variable name="d" select="ceiling($h div 24)"/>
    <xsl:choose>
      <xsl:when test="$h &lt;= 1"><xsl:value-of select="kt:msg('help.duration.hour')"/></xsl:when>
      <xsl:when test="$h &lt; 48">
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('help.duration.hours')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="$h"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="kt:msg('help.duration.days')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="$d"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="review">
    <xsl:variable name="median">
      <xsl:call-template name="duration"><xsl:with-param name="hours" select="@median-hours"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="p90">
      <xsl:call-template name="duration"><xsl:with-param name="hours" select="@p90-hours"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="one">
      <xsl:call-template name="fill">
        <xsl:with-param name="text" select="kt:msg(concat('help.moderation.times.', @of))"/>
        <xsl:with-param name="name" select="'median'"/>
        <xsl:with-param name="value" select="string($median)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="two">
      <xsl:call-template name="fill">
        <xsl:with-param name="text" select="string($one)"/>
        <xsl:with-param name="name" select="'p90'"/>
        <xsl:with-param name="value" select="string($p90)"/>
      </xsl:call-template>
    </xsl:variable>
    <li>
      <xsl:call-template name="fill">
        <xsl:with-param name="text" select="string($two)"/>
        <xsl:with-param name="name" select="'count'"/>
        <xsl:with-param name="value" select="string(@decisions)"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <xsl:template match="page[@topic = 'moderation']" mode="topic">
    <p class="lead"><xsl:value-of select="kt:msg('help.moderation.lead')"/></p>
    <h2 id="states"><xsl:value-of select="kt:msg('help.moderation.states.heading')"/></h2>
    <dl class="facts">
      <xsl:for-each select="str:tokenize('draft submitted published returned rejected', ' ')">
        <div>
          <dt><xsl:value-of select="kt:msg(concat('listing.state.', .))"/></dt>
          <dd><xsl:value-of select="kt:msg(concat('help.moderation.state.', .))"/></dd>
        </div>
      </xsl:for-each>
    </dl>
    <p><xsl:value-of select="kt:msg('help.moderation.edit')"/></p>
    <p><xsl:value-of select="kt:msg('help.moderation.mail')"/></p>
    <h2 id="checks"><xsl:value-of select="kt:msg('help.moderation.checks.heading')"/></h2>
    <p>
      <xsl:value-of select="kt:msg('help.moderation.checks.text')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}help/listing-rules"><xsl:value-of select="kt:msg('help.topic.listing-rules.title')"/></a>
    </p>
    <p><xsl:value-of select="kt:msg('help.moderation.checks.organisations')"/></p>
    <h2 id="time"><xsl:value-of select="kt:msg('help.moderation.time.heading')"/></h2>
    <p><xsl:value-of select="kt:msg('help.moderation.time.target')"/></p>
    <xsl:variable name="enough" select="review-times/review[number(@decisions) &gt;= $review-min-decisions]"/>
    <xsl:choose>
      <xsl:when test="$enough">
        <p>
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kt:msg('help.moderation.times.intro')"/>
            <xsl:with-param name="name" select="'days'"/>
            <xsl:with-param name="value" select="string(review-times/@days)"/>
          </xsl:call-template>
        </p>
        <ul class="review-times">
          <xsl:apply-templates select="$enough[@of = 'listings']"/>
          <xsl:apply-templates select="$enough[@of = 'organisations']"/>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="review-times-none">
          <xsl:call-template name="fill">
            <xsl:with-param name="text" select="kt:msg('help.moderation.times.none')"/>
            <xsl:with-param name="name" select="'days'"/>
            <xsl:with-param name="value" select="string(review-times/@days)"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
