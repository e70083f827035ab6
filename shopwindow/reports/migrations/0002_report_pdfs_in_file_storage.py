"""Report PDFs move from a column of their own to the private file storage (the database).

The PDFs built so far are a cache: they are dropped, and the worker builds each again when it
is next asked for.
"""

from typing import Any

import django.utils.timezone
import shopwindow.files.storage
from django.db import migrations, models


def drop_cached_pdfs(apps: Any, schema_editor: Any) -> None:
    apps.get_model("reports", "ReportFile").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0001_initial'),
        ('files', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(drop_cached_pdfs, migrations.RunPython.noop, elidable=True),
        migrations.AlterModelOptions(
            name='reportfile',
            options={'ordering': ['-requested_at', '-pk']},
        ),
        migrations.RemoveField(
            model_name='reportfile',
            name='content',
        ),
        migrations.AddField(
            model_name='reportfile',
            name='file',
            field=models.FileField(blank=True, max_length=200, storage=shopwindow.files.storage.private_storage, upload_to='reports/'),
        ),
        migrations.AddField(
            model_name='reportfile',
            name='requested_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AlterField(
            model_name='reportfile',
            name='built_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
