/* Memory for libxml2 and libxslt while one page is rendered; see kt_xmlmem.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include "kt_xmlmem.h"

#if defined(__SANITIZE_ADDRESS__) || defined(KT_XMLMEM_DISABLE)
#define KT_XMLMEM_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define KT_XMLMEM_OFF 1
#endif
#endif

/* Address space only: a page is mapped when first written.  The search page
 * of the bench peaks at about 1.5 MB; a larger page goes on with malloc. */
#define ARENA_SIZE  ((size_t)16 << 20)
#define HEADER      16                  /* keeps blocks 16-byte aligned */

/* Before each block: its usable size, and which page it was given to. */
typedef struct {
    size_t size;
    uint64_t page;
} header;
#define CLASS_STEP  16
#define CLASSES     64                  /* free lists for blocks up to 1 KB */

typedef struct free_block {
    struct free_block *next;
} free_block;

typedef struct {
    char *base, *next, *end;
    int active;
    uint64_t page;          /* pages begun on this thread */
    size_t peak;
    free_block *free[CLASSES + 1];
} arena;

static __thread arena mem;

#ifndef KT_XMLMEM_OFF
static int in_arena(const void *ptr)
{
    return mem.base && (const char *)ptr >= mem.base && (const char *)ptr < mem.end;
}

static header *header_of(const void *ptr)
{
    return (header *)((char *)ptr - HEADER);
}

static void *arena_alloc(size_t n)
{
    size_t size = (n + CLASS_STEP - 1) & ~(size_t)(CLASS_STEP - 1);
    size_t cls = size / CLASS_STEP;
    char *block;

    if (size == 0) {
        size = CLASS_STEP;
        cls = 1;
    }
    if (cls <= CLASSES && mem.free[cls]) {
        free_block *b = mem.free[cls];
        mem.free[cls] = b->next;
        return b;
    }
    if (size + HEADER > (size_t)(mem.end - mem.next)) {
        return NULL;
    }
    block = mem.next + HEADER;
    header_of(block)->size = size;
    header_of(block)->page = mem.page;
    mem.next += size + HEADER;
    return block;
}

static void *kt_malloc(size_t n)
{
    void *ptr = mem.active ? arena_alloc(n) : NULL;
    return ptr ? ptr : malloc(n);
}

static void kt_free(void *ptr)
{
    if (!in_arena(ptr)) {
        free(ptr);
    }
    else if (mem.active && header_of(ptr)->page == mem.page) {
        size_t cls = header_of(ptr)->size / CLASS_STEP;
        if (cls <= CLASSES) {
            free_block *b = ptr;
            b->next = mem.free[cls];
            mem.free[cls] = b;
        }
        /* a larger block is left until kt_xmlmem_end */
    }
    /* else: a block of a page already rendered, all of which was given back:
     * never the C library's, and never a free list's (it may be in use again) */
}

static void *kt_realloc(void *ptr, size_t n)
{
    void *to;
    size_t old;

    if (!in_arena(ptr)) {
        return realloc(ptr, n);
    }
    old = header_of(ptr)->size;
    if (n <= old) {
        return ptr;
    }
    to = kt_malloc(n);
    if (to) {
        memcpy(to, ptr, old);
        kt_free(ptr);
    }
    return to;
}

static char *kt_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *to = kt_malloc(n);

    if (to) {
        memcpy(to, s, n);
    }
    return to;
}

typedef struct {
    xmlFreeFunc free_fn;
    xmlMallocFunc malloc_fn;
    xmlReallocFunc realloc_fn;
    xmlStrdupFunc strdup_fn;
} allocator;

static apr_status_t restore(void *data)
{
    allocator *was = data;

    xmlMemSetup(was->free_fn, was->malloc_fn, was->realloc_fn, was->strdup_fn);
    return APR_SUCCESS;
}
#endif

int kt_xmlmem_install(apr_pool_t *p)
{
#ifndef KT_XMLMEM_OFF
    allocator *was = apr_palloc(p, sizeof(*was));

    if (xmlMemGet(&was->free_fn, &was->malloc_fn, &was->realloc_fn, &was->strdup_fn) != 0
        || xmlMemSetup(kt_free, kt_malloc, kt_realloc, kt_strdup) != 0) {
        return 0;
    }
    apr_pool_cleanup_register(p, was, restore, apr_pool_cleanup_null);
    return 1;
#else
    (void)p;
    return 0;
#endif
}

void kt_xmlmem_begin(void)
{
#ifndef KT_XMLMEM_OFF
    if (!mem.base) {
        void *m = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED) {
            return;     /* malloc, as without the arena */
        }
        mem.base = m;
        mem.end = mem.base + ARENA_SIZE;
    }
    mem.next = mem.base;
    memset(mem.free, 0, sizeof(mem.free));
    mem.page++;
    mem.active = 1;
#endif
}

void kt_xmlmem_end(void)
{
    if (mem.active) {
        /* the one thing libxml2 keeps beyond a call: the thread's last error,
         * whose texts a failed XPath expression left in the arena */
        xmlResetLastError();
        mem.peak = (size_t)(mem.next - mem.base);
        mem.active = 0;
    }
}

size_t kt_xmlmem_peak(void)
{
    return mem.peak;
}
