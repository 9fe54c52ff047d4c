-- Business rows as real databases hold them: random ids (incompressible), emails, JSON, amounts,
-- and notes drawn with a Zipf-like skew from 1,500 pseudo-words, as natural text reuses few words often.
create temporary table vocab as
select array_agg(translate(substr(md5(i::text), 1, 3 + i % 8), '0123456789', 'ghijklmnop') order by i) as w
from generate_series(1, 1500) i;
create table customer_notes (
    id bigint primary key,
    customer uuid not null,
    email text not null,
    created timestamptz not null,
    status text not null,
    amount numeric(12, 2) not null,
    attributes jsonb not null,
    note text not null
);
insert into customer_notes
select g, gen_random_uuid(),
       (array['anna','bert','chen','dana','emil','fatima','goran','hana','ivan','jana','kofi','lena','marco','nora','omar'])[1 + g % 15]
         || '.' || (array['smith','meyer','garcia','kowalski','nguyen','rossi','dubois','tanaka','silva','ivanova'])[1 + g % 10]
         || (g % 997) || '@' || (array['example.com','mail.test','corp.example','shop.test'])[1 + g % 4],
       timestamptz '2025-01-01' + g * interval '47 seconds',
       (array['new','paid','shipped','delivered','refunded'])[1 + g % 5],
       round((random() * 2000)::numeric, 2),
       jsonb_build_object('channel', (array['web','store','phone'])[1 + g % 3], 'sku', 'SKU-' || (10000 + g % 7919),
                          'qty', 1 + g % 9, 'gift', g % 11 = 0),
       (select string_agg(v.w[1 + floor(1500 * random() ^ 3)::int + 0 * i], ' ')
          from generate_series(1, 8 + g % 33) i)
from generate_series(1, :rows) g, vocab v;
vacuum analyze;
