from __future__ import annotations

import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from portal import db


@click.group("portal")
def portal_cli() -> None:
    """Werkportaal commands."""


@portal_cli.command("tick")
@with_appcontext
def tick() -> None:
    """Run all time-driven work once (idempotent; run from cron every few minutes). Each job
    runs in its own transaction: a failing job is reported, the others and the mail still run,
    and the command exits 1 at the end. A tick that finds another one running does nothing."""
    from portal import ticker
    from portal.clock import utcnow
    from portal.locks import exclusive
    from portal.vacancies.wages import missing_change_dates

    with exclusive("tick") as mine:
        if not mine:
            click.echo("another tick is running: nothing done")
            return
        failed = ticker.run(utcnow(), click.echo)
    missing = missing_change_dates()
    if missing:
        days = ", ".join(d.isoformat() for d in missing)
        click.echo(f"WARNING minimum wage: no row for {days}; add it at /beheer/minimumloon")
    if failed:
        click.echo(f"tick: {len(failed)} failed ({', '.join(failed)})", err=True)
        sys.exit(1)


@portal_cli.command("send-mail")
@with_appcontext
def send_mail() -> None:
    """Send what is waiting in the outbox."""
    from portal.notifications.services import send_pending

    sent, failed = send_pending()
    click.echo(f"mail sent: {sent}, failed: {failed}")


@portal_cli.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(["adviser", "coordinator", "admin"]), required=True)
@click.option("--region", help="Region name (advisers)")
@click.option("--location", "locations", multiple=True, help="azc location code (coordinators)")
@click.option("--name", default="")
@with_appcontext
def create_user(email: str, role: str, region: str | None, locations: tuple[str, ...], name: str) -> None:
    """Create a staff account. The password is read from a prompt, or from stdin when piped."""
    from portal.accounts.services import AccountError, create_staff

    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        user = create_staff(email, password, role, region_name=region, location_codes=locations, name=name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"created {user.role.value} {user.email}; they set up two-factor sign-in at first sign-in")


@portal_cli.command("seed-demo")
@click.option("--force", is_flag=True, help="Add demo data even if the database is not empty")
@click.option("--json", "as_json", is_flag=True, help="Print the demo sign-ins as JSON")
@click.option("--if-empty", is_flag=True,
              help="Do nothing (exit 0) when the database already has data; other errors still fail")
@with_appcontext
def seed_demo(force: bool, as_json: bool, if_empty: bool) -> None:
    """Load demo data: pilot regions, azc locations, organisations, staff (never in production)."""
    from portal.demo import DemoRefused, seed

    if current_app.config["ENV"] == "production":
        raise click.ClickException("seed-demo never runs with production settings")
    try:
        logins = seed(force=force)
    except DemoRefused as exc:
        if if_empty:
            click.echo("(demo data already loaded)")
            return
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    if as_json:
        click.echo(json.dumps(logins, indent=2))
    else:
        click.echo("Demo sign-ins:")
        for row in logins:
            extra = f"  TOTP secret: {row['totp_secret']}" if row.get("totp_secret") else ""
            org = f" ({row['organisation']})" if row.get("organisation") else ""
            click.echo(f"  {row['role']:<12} {row['email']:<32} {row['password']}{org}{extra}")


@portal_cli.command("migrate")
@with_appcontext
def migrate() -> None:
    """Bring the database schema to the newest version (alembic upgrade head)."""
    from portal.migrate import upgrade

    upgrade(current_app)
    click.echo("database at head")
