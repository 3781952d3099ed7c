{{ config(materialized='table', dist='user_id', sort=['user_id']) }}
select u.user_id, u.first_name, count(*) as plays
from {{ ref('stg_events') }} e
join {{ ref('raw_users') }} u on u.user_id = e.user_id
group by u.user_id, u.first_name
