"""Load the spec's themes, service areas and Nesta evidence levels into the reference tables."""

from django.db import migrations


def load(apps, schema_editor):
    from shopwindow.innovations.vocabularies import sync_vocabularies

    sync_vocabularies(
        apps.get_model("innovations", "Theme"),
        apps.get_model("innovations", "ServiceArea"),
        apps.get_model("innovations", "EvidenceLevel"),
    )


class Migration(migrations.Migration):
    dependencies = [("innovations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
