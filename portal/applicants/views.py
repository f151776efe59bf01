from flask import Blueprint

bp = Blueprint("applicants", __name__)
