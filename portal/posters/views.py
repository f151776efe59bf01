from flask import Blueprint

bp = Blueprint("posters", __name__)
