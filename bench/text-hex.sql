-- Notes of hexadecimal tokens (hashes, ids, keys): high-entropy text that compresses about the same
-- at every gzip level, as in the measurement the benchmark targets were set from.
create table notes (
    id bigint primary key,
    created timestamptz not null,
    author text not null,
    body text not null
);
insert into notes
select g, timestamptz '2025-01-01' + g * interval '47 seconds',
       'user' || (g % 500),
       (select string_agg(md5((g * 100 + i)::text), ' ') from generate_series(1, 2 + g % 7) i)
from generate_series(1, :rows) g;
vacuum analyze;
