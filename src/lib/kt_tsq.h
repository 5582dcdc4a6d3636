/* A reader of PostgreSQL's tsquery text, for the search index (kt_facets.c),
 * which evaluates the query kt_search_expand writes over its own bitmaps.
 *
 * It takes what PostgreSQL prints (tsqueryout): lexemes in single quotes (a
 * quote or a backslash inside doubled), each optionally followed by ":*" (a
 * prefix), the operators ! & | and parentheses, with ! binding closest and |
 * loosest, as tsquery's own parser reads them.  Phrases (<->, <N>) and weights
 * (:A) are refused: kt_search_expand writes neither (it reads a phrase as all
 * of its words), and the index would not answer them the way the database does.
 * Pure. */
#ifndef KT_TSQ_H
#define KT_TSQ_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef enum { KT_TSQ_WORD, KT_TSQ_NOT, KT_TSQ_AND, KT_TSQ_OR } kt_tsq_op;

typedef struct kt_tsq {
    kt_tsq_op op;
    const char *word;            /* WORD: the lexeme */
    int prefix;                  /* WORD: ":*" */
    int leaf;                    /* WORD: its number, 0.. in the order read */
    struct kt_tsq *left, *right; /* NOT: left only */
} kt_tsq;

/* The query of text, or NULL when this reader does not take it; *leaves is
 * the number of WORD nodes. */
kt_tsq *kt_tsq_parse(apr_pool_t *p, const char *text, int *leaves);

/* The WORD nodes of q in the order read, into out (kt_tsq *). */
void kt_tsq_leaves(kt_tsq *q, apr_array_header_t *out);

#endif
