<?xml version="1.0" encoding="UTF-8"?>
<!--
  The organisation workspace (src/kt_manage.c, kt_org.c, kt_membership.c):
    manage       my organisations and roles:  <memberships><membership …>
    org-new      register a new organisation: <form-state name="organisation">
    join         find one and ask to join:    <form-state name="search"> (GET),
                 <form-state name="join">, <results q=""><organisation …>
    manage-org   one organisation: <organisation role="main|member">, <members>,
                 for its main user <form-state name="profile"> and
                 <form-state name="members"> (the decision buttons); for an
                 approved one, <profile-edit state="submitted|rejected"> when a
                 change of its profile waits for a moderator or was rejected;
                 while it waits for approval the moderators' <questions open>
                 and, for its main user when one is open, <form-state name="answer">
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page[@type = 'manage']" mode="title">
    <xsl:value-of select="kt:msg('manage.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'org-new']" mode="title">
    <xsl:value-of select="kt:msg('orgnew.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'join']" mode="title">
    <xsl:value-of select="kt:msg('join.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'manage-org']" mode="title">
    <xsl:value-of select="normalize-space(organisation/name)"/>
  </xsl:template>

  <!-- ==== my organisations ================================================== -->

  <xsl:template match="page[@type = 'manage']" mode="main">
    <h1><xsl:value-of select="kt:msg('manage.heading')"/></h1>
    <xsl:call-template name="notice"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('manage.welcome')"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="normalize-space(viewer)"/>
    </p>
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading"><xsl:value-of select="kt:msg('manage.organisations')"/></h2>
      <xsl:choose>
        <xsl:when test="memberships/membership">
          <ul class="org-list">
            <xsl:apply-templates select="memberships/membership"/>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('manage.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <ul class="next-steps">
        <li><a href="{$home}manage/join"><xsl:value-of select="kt:msg('join.heading')"/></a></li>
        <li><a href="{$home}manage/organisations/new"><xsl:value-of select="kt:msg('orgnew.heading')"/></a></li>
      </ul>
    </section>
    <xsl:call-template name="my-listings"/>
    <xsl:call-template name="my-networks"/>
    <section aria-labelledby="my-account-heading">
      <h2 id="my-account-heading"><xsl:value-of select="kt:msg('myaccount.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('manage.account.text')"/></p>
      <ul class="next-steps">
        <li><a href="{$home}account"><xsl:value-of select="kt:msg('myaccount.details.link')"/></a></li>
        <li><a href="{$home}account/password"><xsl:value-of select="kt:msg('myaccount.password.heading')"/></a></li>
        <li><a href="{$home}account/email"><xsl:value-of select="kt:msg('myaccount.email.heading')"/></a></li>
        <li><a href="{$home}account/data"><xsl:value-of select="kt:msg('myaccount.data.link')"/></a></li>
        <li><a href="{$home}account/delete"><xsl:value-of select="kt:msg('myaccount.delete.heading')"/></a></li>
      </ul>
    </section>
  </xsl:template>

  <!-- The networks my organisations belong to or asked to join
       (<network-memberships>, src/kt_networks.c), each with its page where a
       main user leaves it; the requests to join those they coordinate
       (<network-requests>); and where to find more. -->
  <xsl:template name="my-networks">
    <section aria-labelledby="my-networks-heading">
      <h2 id="my-networks-heading"><xsl:value-of select="kt:msg('manage.networks.heading')"/></h2>
      <!-- requests to join the networks my organisations coordinate, each
           network linked to its members page where they are decided -->
      <xsl:if test="network-requests/network">
        <div class="callout">
          <p><xsl:value-of select="kt:msg('manage.networks.requests')"/></p>
          <ul>
            <xsl:for-each select="network-requests/network">
              <li>
                <xsl:call-template name="text-inline">
                  <xsl:with-param name="text" select="title"/>
                  <xsl:with-param name="href" select="concat($home, 'manage/networks/', @id, '#members')"/>
                </xsl:call-template>
                <xsl:value-of select="concat(' – ', kt:msg('manage.requests'), ' ', @count)"/>
              </li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="network-memberships/membership">
          <ul class="org-list">
            <xsl:for-each select="network-memberships/membership">
              <li>
                <xsl:call-template name="text-inline">
                  <xsl:with-param name="text" select="network"/>
                  <xsl:with-param name="href" select="concat($home, 'manage/networks/', @network-id, '/join')"/>
                </xsl:call-template>
                <xsl:value-of select="concat(' – ', normalize-space(organisation), ': ',
                                             kt:msg(concat('network.membership.', @status)))"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('manage.networks.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <ul class="next-steps">
        <li><a href="{$home}networks"><xsl:value-of select="kt:msg('manage.networks.find')"/></a></li>
      </ul>
    </section>
  </xsl:template>

  <!-- The listings of my organisations, a section for each kind (<listings
       kind segment>), each listing with its state and, for public ones of a
       kind that expires, the date of the last "still current" and a button
       to say so. -->
  <xsl:template name="my-listings">
    <xsl:for-each select="listings">
      <xsl:call-template name="my-listings-of-kind"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="my-listings-of-kind">
    <xsl:variable name="fs" select="../form-state[@name = 'listings']"/>
    <xsl:variable name="heading" select="concat(@kind, '-listings-heading')"/>
    <section aria-labelledby="{$heading}">
      <h2 id="{$heading}"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.plural'))"/></h2>
      <xsl:if test="../memberships/membership[@status = 'active' and (@organisation-status = 'approved' or @organisation-status = 'pending')]">
        <p><a class="button" href="{$home}manage/{@segment}/new"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.new'))"/></a></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="listing">
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.plural'))"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="kt:msg('review.listing')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('listing.organisation')"/></th>
                  <th scope="col"><xsl:value-of select="kt:msg('listing.state')"/></th>
                  <xsl:if test="@expires = 'true'">
                    <th scope="col"><xsl:value-of select="kt:msg('listing.confirmed')"/></th>
                  </xsl:if>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="listing">
                  <tr>
                    <th scope="row">
                      <xsl:call-template name="text-inline">
                        <xsl:with-param name="text" select="title"/>
                        <xsl:with-param name="href" select="concat($home, 'manage/', ../@segment, '/', @id)"/>
                      </xsl:call-template>
                    </th>
                    <td><xsl:value-of select="normalize-space(organisation)"/></td>
                    <td>
                      <xsl:value-of select="kt:msg(concat('listing.state.', @state))"/>
                      <xsl:if test="@pending-edit = 'true'">
                        <br/><span class="meta"><xsl:value-of select="kt:msg('listing.public.pending')"/></span>
                      </xsl:if>
                    </td>
                    <xsl:if test="../@expires = 'true'">
                    <td>
                      <xsl:if test="@public = 'true' and @confirmed">
                        <xsl:call-template name="date"><xsl:with-param name="date" select="@confirmed"/></xsl:call-template>
                        <xsl:if test="@confirm-soon = 'true'">
                          <br/>
                          <strong>
                            <xsl:value-of select="kt:msg('listing.confirm.due')"/>
                            <xsl:text> </xsl:text>
                            <xsl:call-template name="date"><xsl:with-param name="date" select="@due"/></xsl:call-template>
                          </strong>
                        </xsl:if>
                        <form method="post" action="{$home}manage/{../@segment}/{@id}" class="row-form">
                          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
                          <input type="hidden" name="from" value="manage"/>
                          <button type="submit" name="action" value="confirm" class="button-small">
                            <xsl:value-of select="kt:msg('listing.confirm')"/>
                            <span class="visually-hidden">
                              <xsl:text>: </xsl:text>
                              <xsl:value-of select="normalize-space(title)"/>
                            </span>
                          </button>
                        </form>
                      </xsl:if>
                    </td>
                    </xsl:if>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.none'))"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="membership">
    <li>
      <xsl:choose>
        <xsl:when test="@status = 'active'">
          <a href="{$home}manage/organisations/{@organisation-id}"><xsl:value-of select="normalize-space(name)"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(name)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <span class="meta">
        <xsl:choose>
          <xsl:when test="@status = 'pending'">
            <xsl:value-of select="kt:msg('membership.waiting')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="kt:msg(concat('role.', @role))"/>
            <xsl:if test="@organisation-status != 'approved'">
              <xsl:text>, </xsl:text>
              <xsl:value-of select="kt:msg(concat('orgstatus.', @organisation-status))"/>
            </xsl:if>
            <xsl:if test="number(@requests) &gt; 0">
              <xsl:text>, </xsl:text>
              <xsl:value-of select="kt:msg('manage.requests')"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@requests"/>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </span>
    </li>
  </xsl:template>

  <!-- ==== the fields of an organisation ======================================= -->

  <!-- identity: the type and business ID too (a new organisation). -->
  <xsl:template name="org-fields">
    <xsl:param name="fs"/>
    <xsl:param name="identity" select="false()"/>
    <xsl:param name="association" select="true()"/>
    <xsl:call-template name="field-input">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="'name'"/>
      <xsl:with-param name="label" select="kt:msg('field.org.name')"/>
      <xsl:with-param name="hint" select="kt:msg('field.org.name.hint')"/>
      <xsl:with-param name="autocomplete" select="'organization'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:if test="$identity">
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="label" select="kt:msg('field.org.type')"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'business_id'"/>
        <xsl:with-param name="label" select="kt:msg('field.org.business_id')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.business_id.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$association">
      <!-- a new organisation chooses its type in the same form: the number
           is asked of registered associations only, and the label says so -->
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'registry_number'"/>
        <xsl:with-param name="label" select="kt:msg('field.org.registry_number')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.registry_number.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="required" select="not($identity)"/>
        <xsl:with-param name="marker" select="kt:msg('field.org.registry_number.marker')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="field-select">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="'municipality'"/>
      <xsl:with-param name="label" select="kt:msg('field.org.municipality')"/>
      <xsl:with-param name="hint" select="kt:msg('field.org.municipality.hint')"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="field-input">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="'website'"/>
      <xsl:with-param name="label" select="kt:msg('field.org.website')"/>
      <!-- text, not url: a wrong address typed must be shown again as it was,
           and type=url may only carry valid URLs (inputmode still gives the
           URL keyboard) -->
      <xsl:with-param name="inputmode" select="'url'"/>
      <xsl:with-param name="hint" select="kt:msg('field.org.website.hint')"/>
      <xsl:with-param name="autocomplete" select="'url'"/>
    </xsl:call-template>
    <xsl:call-template name="field-textarea">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="'description'"/>
      <xsl:with-param name="label" select="kt:msg('field.org.description')"/>
      <xsl:with-param name="hint" select="kt:msg('field.org.description.hint')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ==== a new organisation ================================================== -->

  <xsl:template match="page[@type = 'org-new']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'organisation']"/>
    <div class="narrow">
      <h1><xsl:value-of select="kt:msg('orgnew.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('orgnew.intro')"/></p>
      <div class="callout">
        <h2><xsl:value-of select="kt:msg('orgnew.project.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('orgnew.project.text')"/></p>
        <p>
          <xsl:value-of select="kt:msg('orgnew.join.text')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}manage/join"><xsl:value-of select="kt:msg('join.heading')"/></a>
        </p>
      </div>
      <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <form method="post" action="{$fs/@action}" novalidate="novalidate">
        <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:call-template name="org-fields">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="identity" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('orgnew.submit')"/>
        </xsl:call-template>
      </form>
    </div>
  </xsl:template>

  <!-- ==== join ================================================================ -->

  <xsl:template match="page[@type = 'join']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'search']"/>
    <xsl:variable name="join" select="form-state[@name = 'join']"/>
    <h1><xsl:value-of select="kt:msg('join.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('join.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="get" action="{$fs/@action}" role="search" class="inline-form">
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="kt:msg('join.q.label')"/>
        <xsl:with-param name="type" select="'search'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('join.search')"/>
      </xsl:call-template>
    </form>
    <xsl:if test="results">
      <section aria-labelledby="results-heading">
        <h2 id="results-heading"><xsl:value-of select="kt:msg('join.results')"/></h2>
        <xsl:choose>
          <xsl:when test="results/organisation">
            <ul class="org-list">
              <xsl:for-each select="results/organisation">
                <li>
                  <strong><xsl:value-of select="normalize-space(name)"/></strong>
                  <span class="meta">
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="@business-id"/>
                    <xsl:if test="municipality">
                      <xsl:text>, </xsl:text>
                      <xsl:value-of select="normalize-space(municipality)"/>
                    </xsl:if>
                  </span>
                  <xsl:choose>
                    <xsl:when test="@membership = 'none'">
                      <form method="post" action="{$join/@action}" class="row-form">
                        <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$join"/></xsl:call-template>
                        <input type="hidden" name="organisation" value="{@id}"/>
                        <button type="submit" class="button-small">
                          <xsl:value-of select="kt:msg('join.ask')"/>
                          <span class="visually-hidden">
                            <xsl:text>: </xsl:text>
                            <xsl:value-of select="normalize-space(name)"/>
                          </span>
                        </button>
                      </form>
                    </xsl:when>
                    <xsl:otherwise>
                      <p class="meta"><xsl:value-of select="kt:msg(concat('join.membership.', @membership))"/></p>
                    </xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty"><xsl:value-of select="kt:msg('join.none')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
    <p>
      <xsl:value-of select="kt:msg('join.not-found')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}manage/organisations/new"><xsl:value-of select="kt:msg('orgnew.heading')"/></a>
    </p>
  </xsl:template>

  <!-- ==== one organisation ======================================================== -->

  <xsl:template match="page[@type = 'manage-org']" mode="main">
    <xsl:variable name="org" select="organisation"/>
    <p class="breadcrumb"><a href="{$home}manage"><xsl:value-of select="kt:msg('manage.heading')"/></a></p>
    <h1><xsl:value-of select="normalize-space($org/name)"/></h1>
    <xsl:call-template name="notice"/>
    <xsl:call-template name="org-status">
      <xsl:with-param name="org" select="$org"/>
    </xsl:call-template>
    <xsl:call-template name="org-questions">
      <xsl:with-param name="org" select="$org"/>
    </xsl:call-template>
    <xsl:call-template name="org-facts">
      <xsl:with-param name="org" select="$org"/>
    </xsl:call-template>
    <xsl:if test="$org/@status = 'approved' or $org/@status = 'pending'">
      <xsl:if test="$org/@status = 'pending'">
        <p><xsl:value-of select="kt:msg('manage.pending.drafts')"/></p>
      </xsl:if>
      <ul class="next-steps">
        <xsl:for-each select="/page/listing-kinds/kind">
          <li><a class="button" href="{$home}manage/{@segment}/new?organisation={$org/@id}"><xsl:value-of select="kt:msg(concat('kind.', @name, '.new'))"/></a></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <xsl:call-template name="members">
      <xsl:with-param name="decide" select="form-state[@name = 'members']"/>
    </xsl:call-template>
    <xsl:call-template name="profile-edit-status"/>
    <xsl:if test="form-state[@name = 'profile']">
      <xsl:call-template name="profile-form">
        <xsl:with-param name="fs" select="form-state[@name = 'profile']"/>
        <xsl:with-param name="org" select="$org"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A change of an approved organisation's profile: waiting for a
       moderator (the public page keeps the approved profile), or rejected
       with a reason. -->
  <xsl:template name="profile-edit-status">
    <xsl:variable name="e" select="profile-edit"/>
    <xsl:if test="$e">
      <div class="callout">
        <p><strong><xsl:value-of select="kt:msg(concat('profile.edit.', $e/@state))"/></strong></p>
        <p><xsl:value-of select="kt:msg(concat('profile.edit.', $e/@state, '.text'))"/></p>
        <xsl:if test="$e/decision-reason">
          <p>
            <xsl:value-of select="kt:msg('moderation.reason')"/>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="$e/decision-reason"/>
          </p>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The moderators' question while the organisation waits for approval:
       its main user answers here (<form-state name="answer">); earlier
       questions and answers below it. -->
  <xsl:template name="org-questions">
    <xsl:param name="org"/>
    <xsl:variable name="fs" select="/page/form-state[@name = 'answer']"/>
    <xsl:variable name="open" select="/page/questions/question[not(@answered)][last()]"/>
    <xsl:if test="$open">
      <section class="callout" aria-labelledby="question-heading">
        <h2 id="question-heading"><xsl:value-of select="kt:msg('org.question.heading')"/></h2>
        <p class="meta">
          <xsl:value-of select="concat(kt:msg('questions.asked'), ' ')"/>
          <xsl:call-template name="date"><xsl:with-param name="date" select="substring($open/@asked, 1, 10)"/></xsl:call-template>
        </p>
        <xsl:call-template name="text-block"><xsl:with-param name="text" select="$open/text"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$fs">
            <p><xsl:value-of select="kt:msg('org.question.intro')"/></p>
            <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
            <form method="post" action="{$fs/@action}" novalidate="novalidate" class="narrow">
              <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
              <xsl:call-template name="field-textarea">
                <xsl:with-param name="fs" select="$fs"/>
                <xsl:with-param name="name" select="'answer'"/>
                <xsl:with-param name="label" select="kt:msg('field.answer')"/>
                <xsl:with-param name="hint" select="kt:msg('field.answer.hint')"/>
                <xsl:with-param name="required" select="true()"/>
                <xsl:with-param name="rows" select="5"/>
              </xsl:call-template>
              <xsl:call-template name="form-submit">
                <xsl:with-param name="text" select="kt:msg('org.question.submit')"/>
                <xsl:with-param name="name" select="'action'"/>
                <xsl:with-param name="value" select="'answer'"/>
              </xsl:call-template>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:value-of select="kt:msg('org.question.member')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
    <xsl:if test="/page/questions/question[@answered]">
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading"><xsl:value-of select="kt:msg('org.question.earlier')"/></h2>
        <dl class="questions">
          <xsl:for-each select="/page/questions/question[@answered]">
            <dt><xsl:value-of select="normalize-space(text)"/></dt>
            <dd><xsl:value-of select="normalize-space(answer)"/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Where the organisation stands with the moderators. -->
  <xsl:template name="org-status">
    <xsl:param name="org"/>
    <xsl:if test="$org/@status != 'approved'">
      <div class="callout">
        <p><strong><xsl:value-of select="kt:msg(concat('orgstatus.', $org/@status))"/></strong></p>
        <p><xsl:value-of select="kt:msg(concat('orgstatus.', $org/@status, '.text'))"/></p>
        <xsl:if test="$org/decision-reason">
          <p>
            <xsl:value-of select="kt:msg('moderation.reason')"/>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="$org/decision-reason"/>
          </p>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="org-facts">
    <xsl:param name="org"/>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.type')"/>
        <xsl:with-param name="value" select="normalize-space($org/type)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.business-id')"/>
        <xsl:with-param name="value" select="normalize-space($org/@business-id)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.registry-number')"/>
        <xsl:with-param name="value" select="normalize-space($org/@registry-number)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.municipality')"/>
        <xsl:with-param name="value" select="normalize-space($org/municipality)"/>
      </xsl:call-template>
      <xsl:if test="normalize-space($org/website/@href)">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('organisation.website')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="web-link">
              <xsl:with-param name="url" select="$org/website/@href"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$org/@status = 'approved'">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('manage.public-page')"/>
          <xsl:with-param name="value">
            <a href="{$home}organisations/{$org/@id}"><xsl:value-of select="normalize-space($org/name)"/></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:if test="normalize-space($org/description)">
      <xsl:call-template name="text-block">
        <xsl:with-param name="text" select="$org/description"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The people, with the main user's decisions as small forms of their
       own (no JavaScript): each button names the person it acts on. -->
  <xsl:template name="members">
    <xsl:param name="decide"/>
    <section aria-labelledby="members-heading">
      <h2 id="members-heading"><xsl:value-of select="kt:msg('members.heading')"/></h2>
      <xsl:if test="$decide">
        <p><xsl:value-of select="kt:msg('members.intro')"/></p>
      </xsl:if>
      <table class="table">
        <caption class="visually-hidden"><xsl:value-of select="kt:msg('members.heading')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="kt:msg('members.name')"/></th>
            <th scope="col"><xsl:value-of select="kt:msg('field.email')"/></th>
            <th scope="col"><xsl:value-of select="kt:msg('members.role')"/></th>
            <xsl:if test="$decide">
              <th scope="col"><xsl:value-of select="kt:msg('members.actions')"/></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="members/member">
            <tr>
              <th scope="row"><xsl:value-of select="normalize-space(name)"/></th>
              <td><xsl:value-of select="email"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@status = 'pending'"><xsl:value-of select="kt:msg('members.requested')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="kt:msg(concat('role.', @role))"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <xsl:if test="$decide">
                <td>
                  <xsl:call-template name="member-actions">
                    <xsl:with-param name="fs" select="$decide"/>
                  </xsl:call-template>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="member-actions">
    <xsl:param name="fs"/>
    <xsl:choose>
      <xsl:when test="@status = 'pending'">
        <xsl:call-template name="member-form">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="first" select="'approve'"/>
          <xsl:with-param name="second" select="'decline'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@user-id != /page/viewer/@id and @role = 'member'">
        <xsl:call-template name="member-form">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="first" select="'make_main'"/>
          <xsl:with-param name="second" select="'remove'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@user-id != /page/viewer/@id">
        <xsl:call-template name="member-form">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="second" select="'remove'"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="member-form">
    <xsl:param name="fs"/>
    <xsl:param name="first"/>
    <xsl:param name="second"/>
    <form method="post" action="{$fs/@action}" class="row-form">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <input type="hidden" name="member" value="{@user-id}"/>
      <xsl:if test="string($first)">
        <xsl:call-template name="member-button">
          <xsl:with-param name="action" select="$first"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="member-button">
        <xsl:with-param name="action" select="$second"/>
        <xsl:with-param name="class" select="'button-small button-secondary'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template name="member-button">
    <xsl:param name="action"/>
    <xsl:param name="class" select="'button-small'"/>
    <button type="submit" name="action" value="{$action}" class="{$class}">
      <xsl:value-of select="kt:msg(concat('members.', $action))"/>
      <span class="visually-hidden">
        <xsl:text>: </xsl:text>
        <xsl:value-of select="normalize-space(name)"/>
      </span>
    </button>
  </xsl:template>

  <xsl:template name="profile-form">
    <xsl:param name="fs"/>
    <xsl:param name="org"/>
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading"><xsl:value-of select="kt:msg('profile.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('profile.intro')"/></p>
      <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <form method="post" action="{$fs/@action}" novalidate="novalidate" class="narrow">
        <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:call-template name="org-fields">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="association" select="$org/@type-code = 'association'"/>
        </xsl:call-template>
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('profile.save')"/>
          <xsl:with-param name="name" select="'action'"/>
          <xsl:with-param name="value" select="'save'"/>
        </xsl:call-template>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
