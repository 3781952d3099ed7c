{% snapshot users_snapshot %}
{{ config(target_schema=target.schema, unique_key='user_id', strategy='check', check_cols=['level']) }}
select * from {{ ref('raw_users') }}
{% endsnapshot %}
