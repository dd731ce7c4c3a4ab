# CIC Suite on the official Odoo 18.0 image.
# Production:  docker compose up -d            (service "odoo")
# Test suite:  docker compose run --rm test    (same bin/test as on a developer machine)
#
# The base image is pinned by tag and digest (digest of the multi-platform index as
# recorded by docker-library/repo-info): Odoo's nightly build of 2025-07-10, the
# image closest after the source the suite is tested with (requirements/odoo-source.txt,
# 2025-07-02; Odoo publishes an image only every week or two). Python packages come
# from PyPI at the versions pinned in requirements/.
# Debian packages come from the Ubuntu archive as it was on the base image's date
# (apt's --snapshot, Ubuntu 24.04): the same versions on every build.
ARG UBUNTU_SNAPSHOT=20250710T000000Z
FROM odoo:18.0-20250710@sha256:1d243f0f1448390c2863575efa6a78cc02b1d44586d8fb9ea472f8e216609845 AS runtime

USER root
ARG UBUNTU_SNAPSHOT
# The official PDFs are set in DejaVu Sans, which has every Romanian letter (the
# web fonts of the report assets are embedded without a text mapping).
RUN apt-get update --snapshot "$UBUNTU_SNAPSHOT" \
    && apt-get install --snapshot "$UBUNTU_SNAPSHOT" -y --no-install-recommends \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY requirements/ /opt/cic/requirements/
# The image ships Odoo and its dependencies; add the suite's Python packages at the
# versions of requirements/project.txt (-c) and the OCA addons (no-deps: their only
# dependency is Odoo itself). pyHanko (with fonttools and uharfbuzz, its "opentype"
# extra) signs the letters sent by e-mail (PAdES).
RUN pip3 install --no-cache-dir --break-system-packages \
        -c /opt/cic/requirements/project.txt num2words xlrd python-stdnum \
        pyHanko fonttools uharfbuzz \
    && pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /opt/cic/requirements/oca.txt
COPY --chown=odoo:odoo addons/ /mnt/cic-addons/
COPY config/odoo.conf /etc/odoo/odoo.conf
# Odoo's master password from the docker secret (docker/odoo-entrypoint.sh).
COPY docker/odoo-entrypoint.sh /usr/local/bin/cic-entrypoint.sh
USER odoo
ENTRYPOINT ["/usr/local/bin/cic-entrypoint.sh"]
CMD ["odoo"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8069/web/health || exit 1

# The test image runs bin/test with the image's Python (CIC_VENV=system) and the
# image's Odoo (ODOO_PATH=/opt/odoo18 points at it), plus a headless browser, from
# the same dated snapshot of the Ubuntu archive; this stage is never deployed.
FROM runtime AS test
USER root
ARG UBUNTU_SNAPSHOT
RUN apt-get update --snapshot "$UBUNTU_SNAPSHOT" \
    && (apt-get install --snapshot "$UBUNTU_SNAPSHOT" -y --no-install-recommends \
            chromium \
        || apt-get install --snapshot "$UBUNTU_SNAPSHOT" -y --no-install-recommends \
            chromium-browser) \
    && apt-get install --snapshot "$UBUNTU_SNAPSHOT" -y --no-install-recommends \
        poppler-utils npm \
    && rm -rf /var/lib/apt/lists/* \
    && pip3 install --no-cache-dir --break-system-packages \
        -r /opt/cic/requirements/project.txt \
    && mkdir -p /opt/odoo18 \
    && ln -s /usr/lib/python3/dist-packages/odoo /opt/odoo18/odoo \
    && ln -s /usr/bin/odoo /opt/odoo18/odoo-bin
COPY --chown=odoo:odoo . /opt/cic/src
WORKDIR /opt/cic/src
# axe-core for the accessibility test, installed now from tools/a11y's lock (the
# same function as bin/test's set-up), so that bin/test downloads nothing.
ENV CIC_A11Y=/opt/cic/a11y
RUN CIC_HOME=/tmp/cic bash -c 'source bin/lib.sh && mkdir -p "$CIC_HOME" && cic_a11y' \
    && chmod -R a+rX /opt/cic/a11y && rm -rf /tmp/cic
USER odoo
ENV CIC_VENV=system CIC_HOME=/var/lib/odoo/cic
CMD ["bin/test"]

# The load balancer of the "cluster" profile (docker-compose.yml, README "Scaling
# out"): nginx from the same dated snapshot of the Ubuntu archive, on the same pinned
# base image, with docker/nginx-cluster.conf as its only site.
FROM odoo:18.0-20250710@sha256:1d243f0f1448390c2863575efa6a78cc02b1d44586d8fb9ea472f8e216609845 AS lb
USER root
ARG UBUNTU_SNAPSHOT
RUN apt-get update --snapshot "$UBUNTU_SNAPSHOT" \
    && apt-get install --snapshot "$UBUNTU_SNAPSHOT" -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default
COPY docker/nginx-cluster.conf /etc/nginx/conf.d/default.conf
ENTRYPOINT ["nginx", "-g", "daemon off;"]
CMD []
