/* Memory for libxml2 and libxslt while one page is rendered.
 *
 * A transform of the search page makes some 50 000 small allocations (XPath
 * values, node sets, result nodes, the serializer's buffers) and frees them
 * all by its end: malloc and free were a quarter of its instructions.  While
 * a thread renders, libxml2's allocator (xmlMemSetup) takes blocks from the
 * thread's own arena, a private mapping reused by every page the thread
 * renders: size classes with free lists, a pointer bump for a new block, and
 * nothing to give back at the end but the arena itself.  Outside
 * kt_xmlmem_begin/kt_xmlmem_end, and for blocks larger than the classes or
 * once the arena is full, it is malloc as before.
 *
 * The rule that makes it safe: nothing allocated by libxml2 between begin and
 * end may be used after end.  kt_render_page keeps it: the transform context,
 * the result document and the serialized text are all freed (the HTML copied
 * into the request's pool) before kt_xmlmem_end.  A free of an arena block
 * after end is ignored, never handed to the C library. */
#ifndef KT_XMLMEM_H
#define KT_XMLMEM_H

#include <stddef.h>
#include <apr_pools.h>

/* Installs the allocator (xmlMemSetup) and returns 1, until pool p is
 * cleared: then libxml2's previous functions are back (httpd unloads the
 * module at a restart, and the parent must not call into unmapped code).
 * Before any thread starts (post_config), since libxml2's allocator
 * functions are process-wide; p's cleanups run in reverse order, so install
 * before anything else of libxml2 that p frees.  Does nothing and returns 0
 * in a sanitizer build, whose own allocator must see every block. */
int kt_xmlmem_install(apr_pool_t *p);

/* This thread's libxml2 allocations come from its arena until
 * kt_xmlmem_end; begin maps the arena on a thread's first use. */
void kt_xmlmem_begin(void);

/* Back to malloc; every block of the arena is free again. */
void kt_xmlmem_end(void);

/* Bytes of this thread's arena used by the last page at its peak (for
 * build/kt-render and the unit tests). */
size_t kt_xmlmem_peak(void);

#endif
