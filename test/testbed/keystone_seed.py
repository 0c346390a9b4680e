"""Creates ucinder's Keystone test identities and the block-storage endpoint.

Idempotent: everything is looked up first and created only when missing.
Run by keystone.sh with its settings in the environment.
"""
import os
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3

env = os.environ
URL = env["KS_URL"]


def admin_session():
    auth = v3.Password(auth_url=URL, username="admin", password=env["ADMIN_PASSWORD"],
                       project_name="admin", user_domain_id="default", project_domain_id="default")
    return session.Session(auth=auth)


def find(s, collection, **filters):
    query = "&".join("%s=%s" % item for item in filters.items())
    items = s.get("%s/%s?%s" % (URL, collection, query)).json()[collection]
    return items[0] if items else None


def ensure(s, collection, body_key, filters, body):
    found = find(s, collection, **filters)
    if found:
        return found
    print("create %s %s" % (body_key, filters))
    return s.post("%s/%s" % (URL, collection), json={body_key: body}).json()[body_key]


def grant(s, project, user, role):
    s.put("%s/projects/%s/users/%s/roles/%s" % (URL, project["id"], user["id"], role["id"]))


def main():
    s = admin_session()
    service_project = ensure(s, "projects", "project", {"name": "service"},
                             {"name": "service", "domain_id": "default"})
    project = ensure(s, "projects", "project", {"name": env["TEST_PROJECT"]},
                     {"name": env["TEST_PROJECT"], "domain_id": "default"})
    member = ensure(s, "roles", "role", {"name": "member"}, {"name": "member"})
    admin = find(s, "roles", name="admin")
    user = ensure(s, "users", "user", {"name": env["TEST_USER"]},
                  {"name": env["TEST_USER"], "domain_id": "default", "password": env["TEST_PASSWORD"],
                   "default_project_id": project["id"]})
    grant(s, project, user, member)
    service_user = ensure(s, "users", "user", {"name": env["SERVICE_USER"]},
                          {"name": env["SERVICE_USER"], "domain_id": "default",
                           "password": env["SERVICE_PASSWORD"]})
    grant(s, service_project, service_user, admin)

    service = ensure(s, "services", "service", {"type": "block-storage"},
                     {"type": "block-storage", "name": "cinderv3", "enabled": True})
    wanted = {
        # Both registrations the issue names: with and without the project id.
        "public": env["CINDER_URL"] + "/v3/%(project_id)s",
        "internal": env["CINDER_URL"] + "/v3",
    }
    existing = s.get("%s/endpoints?service_id=%s" % (URL, service["id"])).json()["endpoints"]
    for interface, url in wanted.items():
        if any(e["interface"] == interface and e["url"] == url for e in existing):
            continue
        print("create endpoint %s %s" % (interface, url))
        s.post("%s/endpoints" % URL, json={"endpoint": {
            "service_id": service["id"], "interface": interface, "url": url,
            "region_id": env["REGION"], "enabled": True}})

    # The application credential belongs to the test user and is created with
    # the user's own token; its secret is chosen here so tests know it.
    user_auth = v3.Password(auth_url=URL, username=env["TEST_USER"], password=env["TEST_PASSWORD"],
                            project_name=env["TEST_PROJECT"], user_domain_id="default",
                            project_domain_id="default")
    us = session.Session(auth=user_auth)
    creds = us.get("%s/users/%s/application_credentials?name=%s"
                   % (URL, user["id"], env["APPCRED_NAME"])).json()["application_credentials"]
    if not creds:
        print("create application credential %s" % env["APPCRED_NAME"])
        us.post("%s/users/%s/application_credentials" % (URL, user["id"]), json={
            "application_credential": {"name": env["APPCRED_NAME"], "secret": env["APPCRED_SECRET"]}})
    print("seeded")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # keystone.sh prints this log on failure
        print("seed failed: %r" % error, file=sys.stderr)
        raise
