/* <form-state> building; see kt_formstate.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_formstate.h"
#include "kt_xml.h"

struct kt_fstate {
    apr_pool_t *p;
    xmlNodePtr node;
    const char *action;
    int errors;
};

kt_fstate *kt_fstate_new(apr_pool_t *p, xmlNodePtr parent, const char *name,
                         const char *action, const char *csrf)
{
    kt_fstate *fs = apr_pcalloc(p, sizeof(*fs));
    fs->p = p;
    fs->action = action;
    fs->node = kt_xml_add(p, parent, "form-state", NULL);
    kt_xml_attr(p, fs->node, "name", name);
    kt_xml_attr(p, fs->node, "action", action);
    kt_xml_attr(p, fs->node, "csrf", csrf);
    kt_xml_attr(p, fs->node, "errors", "0");
    return fs;
}

/* The <field name> element, made on first use. */
static xmlNodePtr field(kt_fstate *fs, const char *name)
{
    xmlNodePtr n;

    for (n = fs->node->children; n; n = n->next) {
        xmlChar *v;
        int same;
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "field") != 0) {
            continue;
        }
        v = xmlGetProp(n, BAD_CAST "name");
        same = v && strcmp((const char *)v, name) == 0;
        xmlFree(v);
        if (same) {
            return n;
        }
    }
    n = kt_xml_add(fs->p, fs->node, "field", NULL);
    kt_xml_attr(fs->p, n, "name", name);
    return n;
}

void kt_fstate_value(kt_fstate *fs, const char *name, const char *value)
{
    if (value) {
        kt_xml_attr(fs->p, field(fs, name), "value", value);
    }
}

void kt_fstate_values(kt_fstate *fs, const char *name, const apr_array_header_t *values)
{
    xmlNodePtr f = field(fs, name);
    int i;

    for (i = 0; values && i < values->nelts; i++) {
        kt_xml_add(fs->p, f, "value", APR_ARRAY_IDX(values, i, const char *));
    }
}

static void count(kt_fstate *fs)
{
    fs->errors++;
    kt_xml_attr(fs->p, fs->node, "errors", apr_itoa(fs->p, fs->errors));
}

void kt_fstate_error(kt_fstate *fs, const char *name, const char *code)
{
    xmlNodePtr f = field(fs, name);

    if (xmlHasProp(f, BAD_CAST "error")) {
        return;
    }
    kt_xml_attr(fs->p, f, "error", code);
    count(fs);
}

void kt_fstate_form_error(kt_fstate *fs, const char *code)
{
    kt_xml_attr(fs->p, kt_xml_add(fs->p, fs->node, "form-error", NULL), "code", code);
    count(fs);
}

int kt_fstate_errors(const kt_fstate *fs)
{
    return fs->errors;
}

xmlNodePtr kt_fstate_node(const kt_fstate *fs)
{
    return fs->node;
}

apr_pool_t *kt_fstate_pool(const kt_fstate *fs)
{
    return fs->p;
}

const char *kt_fstate_action(const kt_fstate *fs)
{
    return fs->action;
}
