<?xml version="1.0" encoding="UTF-8"?>
<!--
  Moderation (src/kt_moderation.c), for moderators only:
    moderation       the queue: <queue><organisation id created waiting-seconds
                     business-id answered><name/><type/><registrant email/></organisation>,
                     <waiting-answer><organisation id business-id asked
                     waiting-seconds><name/><type/></organisation>…</waiting-answer>
                     (asked for more information, kt_orgquestion.h),
                     <listing-queue>, and <desk><kind name segment/></desk>: the
                     kinds moderators write (news), each with its list
    moderation-org   one organisation (<organisation>, <members>, <questions open>
                     <question id asked answered><text/><asker/><answer/>
                     <answerer/></question>…) and, while it waits,
                     <form-state name="decision"> (decision, reason)
    moderation-log   the audit log: <form-state name="log"> (type, from, to),
                     <log-types><type name kind/>…, <log page more filtered
                     csv-href newer-href older-href><entry at action object-type
                     object-id version><actor pseudonym/><subject pseudonym/>
                     <object-name/><reason/></entry> (a deleted account: its
                     pseudonym, no name)
    moderation       also <profile-queue> (changes of approved organisations'
                     profiles waiting) and <contact-queue> (contact messages
                     not handled yet, src/kt_contact.c)
    moderation-org   for an approved one with a change waiting, <profile-edit>
                     and <form-state name="profile"> (decision, reason, stamp)
    moderation-contact
                     one contact message: <message id created topic lang
                     handled><name/><email/><text/><handled-by/></message>,
                     <form-state name="handled"> until it is handled
    moderation-KIND  (moderation-activity, moderation-event, …)
                     one listing (src/kt_review.c): <listing-meta>, <listing role=
                     "latest">, for an edit of a published one <listing role=
                     "published"> and <changes against="published"><change row=""
                     ><words/>?</change></changes>, for one written after a return
                     <listing role="returned">, <changes against="returned"
                     version=""> and <returned-reason>,
                     <rules-confirmed><rule name=""/></rules-confirmed>, <history>,
                     and while it waits <form-state name="decision">
  Times arrive as local time 'YYYY-MM-DDTHH:MM' (Europe/Helsinki).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="listing.xsl"/>

  <xsl:template match="page[@type = 'moderation']" mode="title">
    <xsl:value-of select="kt:msg('moderation.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'moderation-org']" mode="title">
    <xsl:value-of select="normalize-space(organisation/name)"/>
  </xsl:template>
  <xsl:template match="page[starts-with(@type, 'moderation-') and listing-meta]" mode="title">
    <xsl:call-template name="review-title"/>
  </xsl:template>
  <xsl:template match="page[@type = 'moderation-log']" mode="title">
    <xsl:value-of select="kt:msg('log.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'moderation-contact']" mode="title">
    <xsl:value-of select="kt:msg('contact.message.heading')"/>
  </xsl:template>

  <!-- Who did something: a name, a deleted account's pseudonym, or the
       service itself. -->
  <xsl:template name="person">
    <xsl:param name="p"/>
    <xsl:choose>
      <xsl:when test="$p/@pseudonym">
        <xsl:value-of select="concat(kt:msg('log.deleted-user'), ' ', $p/@pseudonym)"/>
      </xsl:when>
      <xsl:when test="normalize-space($p)"><xsl:value-of select="normalize-space($p)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="kt:msg('log.system')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'YYYY-MM-DDTHH:MM' as a date and a time. -->
  <xsl:template name="datetime">
    <xsl:param name="at"/>
    <time datetime="{$at}">
      <xsl:call-template name="date-text">
        <xsl:with-param name="date" select="$at"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$lang = 'en'"><xsl:value-of select="substring($at, 12, 5)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate(substring($at, 12, 5), ':', '.')"/></xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- How long something has waited: days, or hours under a day. -->
  <xsl:template name="waiting">
    <xsl:param name="seconds"/>
    <xsl:variable name="days" select="floor(number($seconds) div 86400)"/>
    <xsl:variable name="hours" select="floor(number($seconds) div 3600)"/>
    <xsl:choose>
      <xsl:when test="$days = 1"><xsl:value-of select="concat('1 ', kt:msg('time.day'))"/></xsl:when>
      <xsl:when test="$days &gt; 1"><xsl:value-of select="concat($days, ' ', kt:msg('time.days'))"/></xsl:when>
      <xsl:when test="$hours = 1"><xsl:value-of select="concat('1 ', kt:msg('time.hour'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($hours, ' ', kt:msg('time.hours'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== the queue ===================================================== -->

  <xsl:template match="page[@type = 'moderation']" mode="main">
    <h1><xsl:value-of select="kt:msg('moderation.heading')"/></h1>
    <xsl:call-template name="notice"/>
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading"><xsl:value-of select="kt:msg('moderation.queue')"/></h2>
      <xsl:choose>
        <xsl:when test="queue/organisation">
          <table class="table">
            <caption class="visually-hidden"><xsl:value-of select="kt:msg('moderation.queue')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="kt:msg('field.org.name')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('organisation.type')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('organisation.business-id')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('moderation.registered')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('moderation.waiting')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('moderation.registrant')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="queue/organisation">
                <tr>
                  <th scope="row">
                    <a href="{$home}moderation/organisations/{@id}"><xsl:value-of select="normalize-space(name)"/></a>
                    <xsl:if test="@answered = 'true'">
                      <br/><span class="badge"><xsl:value-of select="kt:msg('moderation.answered')"/></span>
                    </xsl:if>
                  </th>
                  <td><xsl:value-of select="normalize-space(type)"/></td>
                  <td><xsl:value-of select="@business-id"/></td>
                  <td>
                    <xsl:call-template name="datetime"><xsl:with-param name="at" select="@created"/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="waiting"><xsl:with-param name="seconds" select="@waiting-seconds"/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:value-of select="normalize-space(registrant)"/>
                    <xsl:if test="registrant/@email">
                      <br/><span class="meta"><xsl:value-of select="registrant/@email"/></span>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('moderation.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:call-template name="waiting-answer"/>
    <xsl:call-template name="profile-queue"/>
    <xsl:call-template name="listing-queue"/>
    <xsl:call-template name="contact-queue"/>
    <!-- what moderators write themselves (<desk><kind name segment/>…) -->
    <xsl:if test="desk/kind">
      <section aria-labelledby="desk-heading">
        <h2 id="desk-heading"><xsl:value-of select="kt:msg('moderation.desk')"/></h2>
        <ul class="next-steps">
          <xsl:for-each select="desk/kind">
            <li><a href="{$home}moderation/{@segment}"><xsl:value-of select="kt:msg(concat('kind.', @name, '.plural'))"/></a></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <p><a href="{$home}moderation/log"><xsl:value-of select="kt:msg('log.heading')"/></a></p>
  </xsl:template>

  <!-- Organisations asked for more information, waiting for the answer. -->
  <xsl:template name="waiting-answer">
    <section aria-labelledby="waiting-answer-heading">
      <h2 id="waiting-answer-heading"><xsl:value-of select="kt:msg('moderation.waiting-answer')"/></h2>
      <xsl:choose>
        <xsl:when test="waiting-answer/organisation">
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden"><xsl:value-of select="kt:msg('moderation.waiting-answer')"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="kt:msg('field.org.name')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('organisation.business-id')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('questions.asked')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('moderation.waiting')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="waiting-answer/organisation">
                  <tr>
                    <th scope="row">
                      <a href="{$home}moderation/organisations/{@id}"><xsl:value-of select="normalize-space(name)"/></a>
                      <br/><span class="meta"><xsl:value-of select="normalize-space(type)"/></span>
                    </th>
                    <td><xsl:value-of select="@business-id"/></td>
                    <td><xsl:call-template name="datetime"><xsl:with-param name="at" select="@asked"/></xsl:call-template></td>
                    <td><xsl:call-template name="waiting"><xsl:with-param name="seconds" select="@waiting-seconds"/></xsl:call-template></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('moderation.waiting-answer.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="profile-queue">
    <section aria-labelledby="profile-queue-heading">
      <h2 id="profile-queue-heading"><xsl:value-of select="kt:msg('profile.queue')"/></h2>
      <xsl:choose>
        <xsl:when test="profile-queue/organisation">
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden"><xsl:value-of select="kt:msg('profile.queue')"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="kt:msg('field.org.name')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('profile.queue.new-name')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('review.submitted')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('moderation.waiting')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="profile-queue/organisation">
                  <tr>
                    <th scope="row">
                      <a href="{$home}moderation/organisations/{@id}"><xsl:value-of select="normalize-space(name)"/></a>
                    </th>
                    <td><xsl:value-of select="normalize-space(new-name)"/></td>
                    <td><xsl:call-template name="datetime"><xsl:with-param name="at" select="@submitted"/></xsl:call-template></td>
                    <td><xsl:call-template name="waiting"><xsl:with-param name="seconds" select="@waiting-seconds"/></xsl:call-template></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('profile.queue.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="contact-queue">
    <section aria-labelledby="contact-queue-heading">
      <h2 id="contact-queue-heading"><xsl:value-of select="kt:msg('contact.queue')"/></h2>
      <xsl:choose>
        <xsl:when test="contact-queue/message">
          <ul class="message-list">
            <xsl:for-each select="contact-queue/message">
              <li>
                <p>
                  <a href="{$home}moderation/contact/{@id}">
                    <xsl:value-of select="kt:msg(concat('contact.topic.', @topic))"/>
                  </a>
                  <span class="meta">
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="datetime"><xsl:with-param name="at" select="@created"/></xsl:call-template>
                    <xsl:if test="name">
                      <xsl:text>, </xsl:text>
                      <xsl:value-of select="normalize-space(name)"/>
                    </xsl:if>
                  </span>
                </p>
                <p><xsl:value-of select="excerpt"/></p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('contact.queue.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== one contact message ================================================ -->

  <xsl:template match="page[@type = 'moderation-contact']" mode="main">
    <xsl:variable name="m" select="message"/>
    <xsl:variable name="fs" select="form-state[@name = 'handled']"/>
    <p class="breadcrumb"><a href="{$home}moderation"><xsl:value-of select="kt:msg('moderation.heading')"/></a></p>
    <h1><xsl:value-of select="kt:msg('contact.message.heading')"/></h1>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('contact.field.topic')"/>
        <xsl:with-param name="value" select="kt:msg(concat('contact.topic.', $m/@topic))"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('contact.sent-at')"/>
        <xsl:with-param name="value">
          <xsl:call-template name="datetime"><xsl:with-param name="at" select="$m/@created"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('contact.field.name')"/>
        <xsl:with-param name="value" select="normalize-space($m/name)"/>
      </xsl:call-template>
      <xsl:if test="$m/email">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('contact.field.email')"/>
          <xsl:with-param name="value">
            <a href="mailto:{$m/email}"><xsl:value-of select="$m/email"/></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('contact.language')"/>
        <xsl:with-param name="value" select="kt:msg(concat('lang.', $m/@lang))"/>
      </xsl:call-template>
    </dl>
    <div class="message-text" lang="{$m/@lang}">
      <xsl:call-template name="paragraphs"><xsl:with-param name="s" select="translate(string($m/text), '&#13;', '')"/></xsl:call-template>
    </div>
    <xsl:choose>
      <xsl:when test="$fs">
        <form method="post" action="{$fs/@action}" novalidate="novalidate">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <input type="hidden" name="action" value="handled"/>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('contact.mark-handled')"/>
          </xsl:call-template>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <p class="callout">
          <xsl:value-of select="kt:msg('contact.handled')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="datetime"><xsl:with-param name="at" select="$m/@handled"/></xsl:call-template>
          <xsl:if test="$m/handled-by">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="normalize-space($m/handled-by)"/>
          </xsl:if>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="listing-queue">
    <section aria-labelledby="listing-queue-heading">
      <h2 id="listing-queue-heading"><xsl:value-of select="kt:msg('review.queue')"/></h2>
      <xsl:choose>
        <xsl:when test="listing-queue/listing">
          <table class="table">
            <caption class="visually-hidden"><xsl:value-of select="kt:msg('review.queue')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="kt:msg('review.listing')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('listing.organisation')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('review.kind')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('review.submitted')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('moderation.waiting')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="listing-queue/listing">
                <tr>
                  <th scope="row">
                    <xsl:call-template name="text-inline">
                      <xsl:with-param name="text" select="title"/>
                      <xsl:with-param name="href" select="concat($home, 'moderation/', @segment, '/', @id)"/>
                    </xsl:call-template>
                    <br/><span class="meta"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.one'))"/></span>
                  </th>
                  <td><xsl:value-of select="normalize-space(organisation)"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@edit = 'true'"><xsl:value-of select="kt:msg('review.kind.edit')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="kt:msg('review.kind.new')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:call-template name="datetime"><xsl:with-param name="at" select="@submitted"/></xsl:call-template>
                    <xsl:if test="submitter">
                      <br/><span class="meta"><xsl:value-of select="normalize-space(submitter)"/></span>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:call-template name="waiting"><xsl:with-param name="seconds" select="@waiting-seconds"/></xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('review.queue.empty')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== one listing =========================================================== -->

  <xsl:template name="review-title">
    <xsl:variable name="t" select="listing[@role = 'latest']/field[starts-with(@name, 'title_')][normalize-space(@value)]"/>
    <xsl:choose>
      <xsl:when test="$t[@name = concat('title_', $lang)]"><xsl:value-of select="normalize-space($t[@name = concat('title_', $lang)]/@value)"/></xsl:when>
      <xsl:when test="$t"><xsl:value-of select="normalize-space($t[1]/@value)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="kt:msg('listing.untitled')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[starts-with(@type, 'moderation-') and listing-meta]" mode="main">
    <xsl:variable name="m" select="listing-meta"/>
    <xsl:variable name="fs" select="form-state[@name = 'decision']"/>
    <xsl:variable name="choices">
      <option value="approve"><xsl:value-of select="kt:msg('review.decision.approve')"/></option>
      <option value="return"><xsl:value-of select="kt:msg('review.decision.return')"/></option>
      <option value="reject"><xsl:value-of select="kt:msg('review.decision.reject')"/></option>
    </xsl:variable>
    <p class="breadcrumb"><a href="{$home}moderation"><xsl:value-of select="kt:msg('moderation.heading')"/></a></p>
    <h1><xsl:call-template name="review-title"/></h1>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('listing.organisation')"/>
        <xsl:with-param name="value">
          <a href="{$home}moderation/organisations/{$m/@organisation-id}"><xsl:value-of select="normalize-space($m/organisation)"/></a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('listing.state')"/>
        <xsl:with-param name="value" select="kt:msg(concat('listing.state.', $m/@state))"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('review.kind')"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="$m/@published-version and $m/@pending-edit = 'true'">
              <xsl:value-of select="kt:msg('review.kind.edit')"/>
              <xsl:text> </xsl:text>
              <a href="{$home}{$m/@segment}/{$m/@id}"><xsl:value-of select="kt:msg('review.public-page')"/></a>
            </xsl:when>
            <xsl:when test="$m/@published-version">
              <a href="{$home}{$m/@segment}/{$m/@id}"><xsl:value-of select="kt:msg('review.public-page')"/></a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('review.kind.new')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$m/@submitted">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('review.submitted')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="datetime"><xsl:with-param name="at" select="$m/@submitted"/></xsl:call-template>
            <xsl:if test="$m/submitter">
              <xsl:value-of select="concat(', ', normalize-space($m/submitter))"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:if test="$m/reason">
      <p>
        <strong><xsl:value-of select="kt:msg('listing.reason')"/></strong>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$m/reason"/>
      </p>
    </xsl:if>

    <xsl:if test="listing[@role = 'returned']">
      <xsl:variable name="rc" select="changes[@against = 'returned']"/>
      <section aria-labelledby="review-returned-heading">
        <h2 id="review-returned-heading"><xsl:value-of select="kt:msg('review.returned.heading')"/></h2>
        <p>
          <xsl:value-of select="concat(kt:msg('review.returned.intro'), ' ', $rc/@version, '.')"/>
          <xsl:if test="returned-reason">
            <xsl:text> </xsl:text>
            <strong><xsl:value-of select="kt:msg('review.returned.reason')"/></strong>
            <xsl:text> </xsl:text>
            <xsl:value-of select="returned-reason"/>
          </xsl:if>
        </p>
        <p>
          <xsl:choose>
            <xsl:when test="$rc/change"><xsl:value-of select="kt:msg('review.returned.changes')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('review.returned.none')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:call-template name="listing-table">
          <xsl:with-param name="left" select="listing[@role = 'returned']"/>
          <xsl:with-param name="right" select="listing[@role = 'latest']"/>
          <xsl:with-param name="left-label" select="kt:msg('review.returned')"/>
          <xsl:with-param name="right-label" select="kt:msg('review.latest')"/>
          <xsl:with-param name="changes" select="$rc/change"/>
          <xsl:with-param name="only-changed" select="boolean(listing[@role = 'published'])"/>
          <xsl:with-param name="caption" select="kt:msg('review.returned.heading')"/>
        </xsl:call-template>
      </section>
    </xsl:if>

    <!-- a listing never published that was returned: the comparison above
         shows all of it -->
    <xsl:if test="not(listing[@role = 'returned']) or listing[@role = 'published']">
    <section aria-labelledby="review-content-heading">
      <h2 id="review-content-heading">
        <xsl:choose>
          <xsl:when test="listing[@role = 'published']"><xsl:value-of select="kt:msg('review.changes')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="kt:msg('listing.content')"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:choose>
        <xsl:when test="listing[@role = 'published']">
          <p>
            <xsl:choose>
              <xsl:when test="changes[@against = 'published']/change"><xsl:value-of select="kt:msg('review.changes.intro')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="kt:msg('review.changes.none')"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:call-template name="listing-table">
            <xsl:with-param name="left" select="listing[@role = 'published']"/>
            <xsl:with-param name="right" select="listing[@role = 'latest']"/>
            <xsl:with-param name="left-label" select="kt:msg('review.published')"/>
            <xsl:with-param name="right-label" select="kt:msg('review.latest')"/>
            <xsl:with-param name="changes" select="changes[@against = 'published']/change"/>
            <xsl:with-param name="caption" select="kt:msg('review.changes')"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="listing-table">
            <xsl:with-param name="right" select="listing[@role = 'latest']"/>
            <xsl:with-param name="caption" select="kt:msg('listing.content')"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    </xsl:if>

    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading"><xsl:value-of select="kt:msg('review.rules')"/></h2>
      <p><xsl:value-of select="kt:msg('review.rules.intro')"/></p>
      <ul class="rules-list">
        <xsl:for-each select="$listing-rules">
          <xsl:variable name="r" select="@name"/>
          <li>
            <xsl:value-of select="kt:msg(concat('rule.', $r))"/>
            <xsl:text> </xsl:text>
            <span class="badge">
              <xsl:choose>
                <xsl:when test="$page/rules-confirmed/rule[@name = $r]"><xsl:value-of select="kt:msg('review.rule.confirmed')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="kt:msg('review.rule.not-confirmed')"/></xsl:otherwise>
              </xsl:choose>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </section>

    <xsl:if test="$fs">
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading"><xsl:value-of select="kt:msg('decision.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('review.decision.intro')"/></p>
        <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <form method="post" action="{$fs/@action}" novalidate="novalidate" class="narrow">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <input type="hidden" name="version" value="{$fs/field[@name = 'version']/@value}"/>
          <input type="hidden" name="revision" value="{$fs/field[@name = 'revision']/@value}"/>
          <xsl:call-template name="field-radios">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'decision'"/>
            <xsl:with-param name="legend" select="kt:msg('review.decision.legend')"/>
            <xsl:with-param name="options" select="exsl:node-set($choices)/option"/>
          </xsl:call-template>
          <xsl:call-template name="field-textarea">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'reason'"/>
            <xsl:with-param name="label" select="kt:msg('decision.reason')"/>
            <xsl:with-param name="hint" select="kt:msg('review.reason.hint')"/>
            <xsl:with-param name="marker" select="kt:msg('review.reason.marker')"/>
            <xsl:with-param name="rows" select="4"/>
          </xsl:call-template>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('decision.submit')"/>
          </xsl:call-template>
        </form>
      </section>
    </xsl:if>

    <xsl:if test="history/entry">
      <section aria-labelledby="history-heading">
        <h2 id="history-heading"><xsl:value-of select="kt:msg('review.history')"/></h2>
        <table class="table">
          <caption class="visually-hidden"><xsl:value-of select="kt:msg('review.history')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="kt:msg('log.when')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.who')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.what')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('review.version')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.reason')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="history/entry">
              <tr>
                <td><xsl:call-template name="datetime"><xsl:with-param name="at" select="@at"/></xsl:call-template></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="normalize-space(actor)"><xsl:value-of select="normalize-space(actor)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="kt:msg('log.system')"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="kt:msg(concat('audit.', @action))"/></td>
                <td><xsl:value-of select="@version"/></td>
                <td><xsl:value-of select="reason"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==== one organisation ================================================== -->

  <xsl:template match="page[@type = 'moderation-org']" mode="main">
    <xsl:variable name="org" select="organisation"/>
    <xsl:variable name="fs" select="form-state[@name = 'decision']"/>
    <xsl:variable name="open" select="questions/@open = 'true'"/>
    <xsl:variable name="choices">
      <option value="approve"><xsl:value-of select="kt:msg('decision.approve')"/></option>
      <xsl:if test="not($open)">
        <option value="ask"><xsl:value-of select="kt:msg('decision.ask')"/></option>
      </xsl:if>
      <option value="reject"><xsl:value-of select="kt:msg('decision.reject')"/></option>
      <option value="release"><xsl:value-of select="kt:msg('decision.release')"/></option>
    </xsl:variable>
    <p class="breadcrumb"><a href="{$home}moderation"><xsl:value-of select="kt:msg('moderation.heading')"/></a></p>
    <h1><xsl:value-of select="normalize-space($org/name)"/></h1>
    <xsl:call-template name="org-status"><xsl:with-param name="org" select="$org"/></xsl:call-template>
    <xsl:call-template name="org-facts"><xsl:with-param name="org" select="$org"/></xsl:call-template>
    <xsl:if test="normalize-space($org/@business-id)">
      <!-- the public business register, to check that the organisation exists
           and is what it says it is -->
      <p>
        <a href="https://tietopalvelu.ytj.fi/yritys/{$org/@business-id}" rel="noopener noreferrer">
          <xsl:value-of select="kt:msg('moderation.ytj')"/>
          <span class="visually-hidden"><xsl:value-of select="concat(' ', $org/@business-id)"/></span>
        </a>
      </p>
    </xsl:if>
    <xsl:call-template name="members"/>
    <xsl:call-template name="questions"/>
    <xsl:if test="$fs">
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading"><xsl:value-of select="kt:msg('decision.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('decision.intro')"/></p>
        <xsl:if test="$open">
          <p class="callout"><xsl:value-of select="kt:msg('questions.open.moderator')"/></p>
        </xsl:if>
        <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <form method="post" action="{$fs/@action}" novalidate="novalidate" class="narrow">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <xsl:call-template name="field-radios">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'decision'"/>
            <xsl:with-param name="legend" select="kt:msg('decision.legend')"/>
            <xsl:with-param name="options" select="exsl:node-set($choices)/option"/>
          </xsl:call-template>
          <xsl:call-template name="field-textarea">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'reason'"/>
            <xsl:with-param name="label" select="kt:msg('decision.reason.ask')"/>
            <xsl:with-param name="hint" select="kt:msg('decision.reason.ask.hint')"/>
            <xsl:with-param name="marker" select="kt:msg('decision.reason.marker')"/>
            <xsl:with-param name="rows" select="4"/>
          </xsl:call-template>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('decision.submit')"/>
          </xsl:call-template>
        </form>
      </section>
    </xsl:if>
    <xsl:if test="profile-edit">
      <xsl:call-template name="profile-review">
        <xsl:with-param name="org" select="$org"/>
        <xsl:with-param name="e" select="profile-edit"/>
        <xsl:with-param name="fs" select="form-state[@name = 'profile']"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A change of an approved organisation's profile beside the public one,
       each changed row marked, and the decision on it. -->
  <xsl:template name="profile-review">
    <xsl:param name="org"/>
    <xsl:param name="e"/>
    <xsl:param name="fs"/>
    <xsl:variable name="choices">
      <option value="approve"><xsl:value-of select="kt:msg('profile.decision.approve')"/></option>
      <option value="reject"><xsl:value-of select="kt:msg('profile.decision.reject')"/></option>
    </xsl:variable>
    <section aria-labelledby="profile-review-heading">
      <h2 id="profile-review-heading"><xsl:value-of select="kt:msg('profile.review.heading')"/></h2>
      <p>
        <xsl:value-of select="kt:msg(concat('profile.edit.', $e/@state))"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="datetime"><xsl:with-param name="at" select="$e/@submitted"/></xsl:call-template>
      </p>
      <div class="table-wrap">
        <table class="table compare">
          <caption class="visually-hidden"><xsl:value-of select="kt:msg('profile.review.heading')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="kt:msg('profile.review.field')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('profile.review.public')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('profile.review.new')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:call-template name="profile-row">
              <xsl:with-param name="label" select="kt:msg('field.org.name')"/>
              <xsl:with-param name="old" select="normalize-space($org/name)"/>
              <xsl:with-param name="new" select="normalize-space($e/name)"/>
            </xsl:call-template>
            <xsl:call-template name="profile-row">
              <xsl:with-param name="label" select="kt:msg('organisation.registry-number')"/>
              <xsl:with-param name="old" select="string($org/@registry-number)"/>
              <xsl:with-param name="new" select="string($e/@registry-number)"/>
            </xsl:call-template>
            <xsl:call-template name="profile-row">
              <xsl:with-param name="label" select="kt:msg('organisation.municipality')"/>
              <xsl:with-param name="old" select="normalize-space($org/municipality)"/>
              <xsl:with-param name="new" select="normalize-space($e/municipality)"/>
            </xsl:call-template>
            <xsl:call-template name="profile-row">
              <xsl:with-param name="label" select="kt:msg('organisation.website')"/>
              <xsl:with-param name="old" select="string($org/website/@href)"/>
              <xsl:with-param name="new" select="string($e/website/@href)"/>
            </xsl:call-template>
            <xsl:call-template name="profile-row">
              <xsl:with-param name="label" select="kt:msg('field.org.description')"/>
              <xsl:with-param name="old" select="string($org/description)"/>
              <xsl:with-param name="new" select="string($e/description)"/>
            </xsl:call-template>
          </tbody>
        </table>
      </div>
      <xsl:if test="$fs">
        <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <form method="post" action="{$fs/@action}" novalidate="novalidate" class="narrow">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <input type="hidden" name="about" value="profile"/>
          <input type="hidden" name="stamp" value="{$fs/field[@name = 'stamp']/@value}"/>
          <xsl:call-template name="field-radios">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'decision'"/>
            <xsl:with-param name="legend" select="kt:msg('decision.legend')"/>
            <xsl:with-param name="options" select="exsl:node-set($choices)/option"/>
          </xsl:call-template>
          <xsl:call-template name="field-textarea">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'reason'"/>
            <xsl:with-param name="label" select="kt:msg('decision.reason')"/>
            <xsl:with-param name="hint" select="kt:msg('profile.decision.reason.hint')"/>
            <xsl:with-param name="rows" select="4"/>
          </xsl:call-template>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('decision.submit')"/>
          </xsl:call-template>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="profile-row">
    <xsl:param name="label"/>
    <xsl:param name="old"/>
    <xsl:param name="new"/>
    <tr>
      <xsl:if test="$old != $new">
        <xsl:attribute name="class">changed</xsl:attribute>
      </xsl:if>
      <th scope="row">
        <xsl:value-of select="$label"/>
        <xsl:if test="$old != $new">
          <br/><span class="meta"><xsl:value-of select="kt:msg('profile.review.changed')"/></span>
        </xsl:if>
      </th>
      <td><xsl:value-of select="$old"/></td>
      <td><xsl:value-of select="$new"/></td>
    </tr>
  </xsl:template>

  <!-- The moderators' questions and the applicant's answers, oldest first. -->
  <xsl:template name="questions">
    <xsl:if test="questions/question">
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading"><xsl:value-of select="kt:msg('questions.heading')"/></h2>
        <xsl:for-each select="questions/question">
          <div class="question">
            <p class="meta">
              <xsl:value-of select="concat(kt:msg('questions.asked'), ' ')"/>
              <xsl:call-template name="datetime"><xsl:with-param name="at" select="@asked"/></xsl:call-template>
              <xsl:if test="normalize-space(asker)">
                <xsl:value-of select="concat(', ', normalize-space(asker))"/>
              </xsl:if>
            </p>
            <xsl:call-template name="text-block"><xsl:with-param name="text" select="text"/></xsl:call-template>
            <xsl:choose>
              <xsl:when test="@answered">
                <p class="meta">
                  <xsl:value-of select="concat(kt:msg('questions.answered'), ' ')"/>
                  <xsl:call-template name="datetime"><xsl:with-param name="at" select="@answered"/></xsl:call-template>
                  <xsl:if test="normalize-space(answerer)">
                    <xsl:value-of select="concat(', ', normalize-space(answerer))"/>
                  </xsl:if>
                </p>
                <xsl:call-template name="text-block"><xsl:with-param name="text" select="answer"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <p><span class="badge"><xsl:value-of select="kt:msg('questions.waiting')"/></span></p>
              </xsl:otherwise>
            </xsl:choose>
          </div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==== the audit log ========================================================= -->

  <xsl:template match="page[@type = 'moderation-log']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'log']"/>
    <xsl:variable name="type" select="string($fs/field[@name = 'type']/@value)"/>
    <p class="breadcrumb"><a href="{$home}moderation"><xsl:value-of select="kt:msg('moderation.heading')"/></a></p>
    <h1><xsl:value-of select="kt:msg('log.heading')"/></h1>
    <form method="get" action="{$fs/@action}" class="filter-form" aria-labelledby="log-filter-heading">
      <h2 id="log-filter-heading"><xsl:value-of select="kt:msg('log.filter.heading')"/></h2>
      <div class="row-controls">
        <div>
          <label for="log-type"><xsl:value-of select="kt:msg('log.filter.type')"/></label>
          <select id="log-type" name="type">
            <option value=""><xsl:value-of select="kt:msg('log.filter.type.all')"/></option>
            <xsl:for-each select="log-types/type">
              <option value="{@name}">
                <xsl:if test="@name = $type"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="@kind = 'true'"><xsl:value-of select="kt:msg(concat('kind.', @name, '.plural'))"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="kt:msg(concat('log.type.', @name))"/></xsl:otherwise>
                </xsl:choose>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div>
          <label for="log-from"><xsl:value-of select="kt:msg('log.filter.from')"/></label>
          <input type="text" id="log-from" name="from" class="input-medium" inputmode="numeric"
                 autocomplete="off" aria-describedby="log-dates-hint" value="{$fs/field[@name = 'from']/@value}"/>
        </div>
        <div>
          <label for="log-to"><xsl:value-of select="kt:msg('log.filter.to')"/></label>
          <input type="text" id="log-to" name="to" class="input-medium" inputmode="numeric"
                 autocomplete="off" aria-describedby="log-dates-hint" value="{$fs/field[@name = 'to']/@value}"/>
        </div>
      </div>
      <p class="hint" id="log-dates-hint"><xsl:value-of select="kt:msg('log.filter.dates.hint')"/></p>
      <div class="form-actions">
        <button type="submit" class="button"><xsl:value-of select="kt:msg('log.filter.submit')"/></button>
        <xsl:if test="log/@filtered = 'true'">
          <xsl:text> </xsl:text>
          <a href="{$fs/@action}"><xsl:value-of select="kt:msg('log.filter.clear')"/></a>
        </xsl:if>
      </div>
    </form>
    <p>
      <a href="{log/@csv-href}" download="">
        <xsl:value-of select="kt:msg('log.csv')"/>
      </a>
      <xsl:text> </xsl:text>
      <span class="meta"><xsl:value-of select="kt:msg('log.csv.hint')"/></span>
    </p>
    <xsl:choose>
      <xsl:when test="log/entry">
        <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden"><xsl:value-of select="kt:msg('log.heading')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="kt:msg('log.when')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.who')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.what')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.object')"/></th>
              <th scope="col"><xsl:value-of select="kt:msg('log.reason')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="log/entry">
              <tr>
                <td><xsl:call-template name="datetime"><xsl:with-param name="at" select="@at"/></xsl:call-template></td>
                <td><xsl:call-template name="person"><xsl:with-param name="p" select="actor"/></xsl:call-template></td>
                <td><xsl:value-of select="kt:msg(concat('audit.', @action))"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@segment">
                      <a href="{$home}moderation/{@segment}/{@object-id}">
                        <xsl:choose>
                          <xsl:when test="normalize-space(object-name)"><xsl:value-of select="normalize-space(object-name)"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="@object-id"/></xsl:otherwise>
                        </xsl:choose>
                      </a>
                      <xsl:if test="@version">
                        <xsl:value-of select="concat(' (', kt:msg('review.version'), ' ', @version, ')')"/>
                      </xsl:if>
                    </xsl:when>
                    <xsl:when test="@object-type = 'organisation' and object-name">
                      <a href="{$home}moderation/organisations/{@object-id}"><xsl:value-of select="normalize-space(object-name)"/></a>
                      <xsl:if test="subject">
                        <xsl:text>, </xsl:text>
                        <xsl:call-template name="person"><xsl:with-param name="p" select="subject"/></xsl:call-template>
                      </xsl:if>
                    </xsl:when>
                    <xsl:when test="@object-type = 'contact'">
                      <a href="{$home}moderation/contact/{@object-id}"><xsl:value-of select="concat(kt:msg('contact.message.heading'), ' ', @object-id)"/></a>
                    </xsl:when>
                    <xsl:when test="subject"><xsl:call-template name="person"><xsl:with-param name="p" select="subject"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@object-id"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="reason"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:when test="log/@filtered = 'true' or number(log/@page) &gt; 1">
        <p class="empty"><xsl:value-of select="kt:msg('log.empty.filtered')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="kt:msg('log.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="log/@newer-href or log/@older-href">
      <nav class="pager" aria-label="{kt:msg('log.pages')}">
        <ul>
          <xsl:if test="log/@newer-href">
            <li><a href="{log/@newer-href}" rel="prev"><xsl:value-of select="kt:msg('log.newer')"/></a></li>
          </xsl:if>
          <li aria-current="page"><xsl:value-of select="concat(kt:msg('log.page'), ' ', log/@page)"/></li>
          <xsl:if test="log/@older-href">
            <li><a href="{log/@older-href}" rel="next"><xsl:value-of select="kt:msg('log.older')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
