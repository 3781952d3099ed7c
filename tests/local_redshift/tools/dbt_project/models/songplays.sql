{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='event_id',
          dist='even', sort='start_time') }}
select event_id, user_id, song, level, start_time
from {{ ref('stg_events') }}
{% if is_incremental() %}
where start_time >= (select max(start_time) from {{ this }})
{% endif %}
