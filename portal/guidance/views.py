from flask import Blueprint

bp = Blueprint("guidance", __name__)
