from flask import Blueprint

bp = Blueprint("apply", __name__)
