"""The public page API with hostile parameters answers 400 with a message, never 500
(issue 14)."""

import pytest

pytestmark = pytest.mark.django_db

BIG = str(10**30)
HOSTILE = [
    f"offset={BIG}", "offset=-1", "offset=abc", f"limit={BIG}", "limit=abc",
    "search=x&search_operator=xor", "search=x&search_operator=", f"id={BIG}", "id=abc",
    f"child_of={BIG}", f"descendant_of={BIG}", f"ancestor_of={BIG}", "child_of=abc",
    "type=nope.Nope", "type=wagtailcore.Page&fields=*,nope", "order=nope", "order=random&offset=1",
    "search=" + "x" * 10_000, "search=%00", "title=%00", f"title={'x' * 10_000}",
    "fields=" + "(" * 500, "locale=zz", f"translation_of={BIG}", "search=a&order=-nope",
    "offset=1e3", "offset=%C0%AF", "offset=0&offset=1", "search=" + "x" * 200,
    "search=%22", "search=%22a%22%20OR%20(", "search=NEAR(a%20b", "search=a*%20-b%20^c",
    "search=%27%3B--", "search=%E1%BB", "search=%01%02", "find=abc", "html_path=../..",
    "id=1&id=2", "search_operator=or", f"offset={10**10}&limit=0",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("endpoint", ["pages", "documents"])
def test_api_answers_hostile_parameters_without_500(lenient_client, index_page, query, endpoint):
    response = lenient_client.get(f"/api/v2/{endpoint}/?{query}")
    assert response.status_code < 500, response.content[:300]


@pytest.mark.parametrize("query, words", [
    (f"offset={BIG}", "offset"), ("search=x&search_operator=xor", "search_operator"),
    (f"id={BIG}", "id"), ("search=" + "x" * 201, "search"), ("search=%00", "null"),
])
def test_api_says_what_is_wrong(lenient_client, index_page, query, words):
    response = lenient_client.get(f"/api/v2/pages/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert words in response.json()["message"]
