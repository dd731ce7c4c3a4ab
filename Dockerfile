# CIC Suite on the official Odoo 18.0 image.
# Production:  docker compose up -d            (service "odoo")
# Test suite:  docker compose run --rm test    (same bin/test as on a developer machine)
FROM odoo:18.0 AS runtime

USER root
COPY requirements/ /opt/cic/requirements/
# The image ships Odoo and its dependencies; add the suite's Python packages and the
# OCA addons (no-deps: their only dependency is Odoo itself).
RUN pip3 install --no-cache-dir --break-system-packages \
        num2words qrcode xlrd==1.2.0 python-stdnum \
    && pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /opt/cic/requirements/oca.txt
COPY --chown=odoo:odoo addons/ /mnt/cic-addons/
COPY config/odoo.conf /etc/odoo/odoo.conf
USER odoo
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8069/web/health || exit 1

# The test image runs bin/test with the image's Python (CIC_VENV=system) and the
# image's Odoo (ODOO_PATH=/opt/odoo18 points at it), plus a headless browser.
FROM runtime AS test
USER root
RUN apt-get update \
    && (apt-get install -y --no-install-recommends chromium \
        || apt-get install -y --no-install-recommends chromium-browser) \
    && rm -rf /var/lib/apt/lists/* \
    && pip3 install --no-cache-dir --break-system-packages \
        -r /opt/cic/requirements/project.txt \
    && mkdir -p /opt/odoo18 \
    && ln -s /usr/lib/python3/dist-packages/odoo /opt/odoo18/odoo \
    && ln -s /usr/bin/odoo /opt/odoo18/odoo-bin
COPY --chown=odoo:odoo . /opt/cic/src
WORKDIR /opt/cic/src
USER odoo
ENV CIC_VENV=system CIC_HOME=/var/lib/odoo/cic
CMD ["bin/test"]
