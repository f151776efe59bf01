from flask import Blueprint

bp = Blueprint("vacancies", __name__)
