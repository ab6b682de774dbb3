"""Create the PostgreSQL database named in DATABASE_URL when it does not exist (used by `make bench-public`)."""

import os

import dj_database_url
import psycopg
from psycopg import sql

cfg = dj_database_url.parse(os.environ["DATABASE_URL"])
with psycopg.connect(
    host=cfg["HOST"] or "127.0.0.1",
    port=cfg["PORT"] or 5432,
    user=cfg["USER"] or "postgres",
    password=cfg["PASSWORD"] or None,
    dbname="postgres",
    autocommit=True,
) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cfg["NAME"])))
        print(f"created database {cfg['NAME']}")
