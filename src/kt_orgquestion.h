/* "Ask for more information": a moderator's third answer to an organisation
 * that waits for approval, besides approving and rejecting it (issue 14).
 *
 * The question is mailed to the organisation's main users (mail
 * org_question, through the outbox) and shown on its page in the workspace,
 * where a main user answers it; the organisation meanwhile waits outside the
 * moderation queue ("waiting for the applicant") and comes back to it with
 * the answer.  One question is open at a time; the earlier ones and their
 * answers stay on the moderator's page.  Every question and answer is an
 * audit line (organisation.ask with the question as its reason,
 * organisation.answer).  The organisation stays `pending` throughout: its
 * business ID stays taken, its people write drafts, the public sees nothing.
 * Table organisation_questions, sql/016_forms.sql. */
#ifndef KT_ORGQUESTION_H
#define KT_ORGQUESTION_H

#include "kt_private.h"
#include "kt_db.h"

/* <questions open="true|false"><question id asked answered><text/>
 * <asker/><answer/><answerer/></question>…</questions> under parent, oldest
 * first.  *open (may be NULL): 1 when the last one waits for its answer. */
kt_db_status kt_orgq_load(kt_db *db, apr_pool_t *p, const char *org, xmlNodePtr parent,
                          int *open);

/* The moderator's question, its audit line and the mail to the main users,
 * in one transaction; *done 0 when the organisation no longer waits or a
 * question is open already (another moderator was first). */
kt_db_status kt_orgq_ask(kt_req *kr, kt_db *db, const char *org, const char *question,
                         int *done);

/* A main user's answer to the open question and its audit line, in one
 * transaction; *done 0 when there is no open question (answered already, or
 * the organisation was decided meanwhile). */
kt_db_status kt_orgq_answer(kt_req *kr, kt_db *db, const char *org, const char *answer,
                            int *done);

/* <waiting-answer><organisation id business-id asked waiting-seconds><name/>
 * <type/></organisation>…</waiting-answer>: organisations waiting for their
 * applicant's answer, oldest question first (the moderation front page). */
kt_db_status kt_orgq_waiting(kt_req *kr, kt_db *db, xmlNodePtr parent);

#endif
