# Sourced by bench/run and bench/feed-rss (after psql_ is defined).
#
# search_args LANG QUERY: the parameters the module gives the search statements (and the
# feed's, which begin with them) for the query string QUERY, as SQL literals: decoded and
# checked by the module's parser, q read by kt_search_expand as the module has the
# database read it, then the module's kt_search_sql_args (build/kt-search-sql args).
search_args() {
    local q tsq= exact=
    q=$(build/kt-search-sql q "$2")
    if [ -n "$q" ]; then
        IFS=$'\x1f' read -r tsq exact < <(psql_ -At -F $'\x1f' -v q="$q" \
            <<<"SELECT query, coalesce(exact, '') FROM kt_search_expand(:'q')")
    fi
    build/kt-search-sql args "$1" "$2" "$tsq" "$exact"
}
