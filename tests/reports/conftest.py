import pytest


