select
    event_id,
    user_id,
    song,
    level,
    timestamp 'epoch' + ts / 1000 * interval '1 second' as start_time
from {{ ref('raw_events') }}
